package org.ccin.store.casestudies;

import java.util.List;

/** A topic case studies and actions are tagged with, with the words people type for it. */
public record Topic(String code, String nameEn, String nameCy, List<String> synonyms, int sortOrder) {

    public String name(String language) {
        return "cy".equals(language) ? nameCy : nameEn;
    }
}
