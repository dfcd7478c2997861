package org.ccin.store.reference;

/** A region of England or one of the UK's nations, named in both languages. */
public record Region(String code, String nameEn, String nameCy, Kind kind, int sortOrder) {

    public enum Kind { REGION, NATION }

    public String name(String language) {
        return "cy".equals(language) ? nameCy : nameEn;
    }
}
