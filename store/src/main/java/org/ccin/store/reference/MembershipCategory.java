package org.ccin.store.reference;

/** One of the network's membership categories (Full Member, Associate Member, …), named in both languages. */
public record MembershipCategory(String code, String nameEn, String nameCy, String descriptionEn,
                                 String descriptionCy, int sortOrder) {

    public String name(String language) {
        return "cy".equals(language) ? nameCy : nameEn;
    }
}
