package org.ccin.store.casestudies;

import java.util.Optional;

/** Narrowing a search to a topic, a region, a kind or a year; each is optional. */
public record CaseStudyFilters(Optional<String> topic, Optional<String> region, Optional<CaseStudyKind> kind,
                               Optional<Integer> year) {

    public static CaseStudyFilters none() {
        return new CaseStudyFilters(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return topic.isEmpty() && region.isEmpty() && kind.isEmpty() && year.isEmpty();
    }

    public CaseStudyFilters withTopic(String code) {
        return new CaseStudyFilters(Optional.of(code), region, kind, year);
    }

    public CaseStudyFilters withRegion(String code) {
        return new CaseStudyFilters(topic, Optional.of(code), kind, year);
    }

    public CaseStudyFilters withKind(CaseStudyKind value) {
        return new CaseStudyFilters(topic, region, Optional.of(value), year);
    }

    public CaseStudyFilters withYear(int value) {
        return new CaseStudyFilters(topic, region, kind, Optional.of(value));
    }
}
