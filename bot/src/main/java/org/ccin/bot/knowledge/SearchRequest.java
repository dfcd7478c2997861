package org.ccin.bot.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.ccin.store.casestudies.CaseStudyFilters;
import org.ccin.store.casestudies.CaseStudyKind;

/** The filters of a saved search, as the JSON kept with it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record SearchRequest(String topic, String region, String kind, Integer year) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static SearchRequest of(CaseStudyFilters filters) {
        return new SearchRequest(filters.topic().orElse(null), filters.region().orElse(null),
                filters.kind().map(Enum::name).orElse(null), filters.year().orElse(null));
    }

    CaseStudyFilters filters() {
        Optional<CaseStudyKind> parsedKind = Optional.empty();
        if (kind != null) {
            try {
                parsedKind = Optional.of(CaseStudyKind.valueOf(kind));
            } catch (IllegalArgumentException e) {
                parsedKind = Optional.empty();
            }
        }
        return new CaseStudyFilters(Optional.ofNullable(topic), Optional.ofNullable(region), parsedKind,
                Optional.ofNullable(year));
    }

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SearchRequest parse(String json) {
        try {
            return JSON.readValue(json, SearchRequest.class);
        } catch (JsonProcessingException e) {
            return new SearchRequest(null, null, null, null);
        }
    }
}
