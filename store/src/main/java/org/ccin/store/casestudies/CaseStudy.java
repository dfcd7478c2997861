package org.ccin.store.casestudies;

import java.util.List;
import java.util.Optional;

/** A case study of the library. */
public record CaseStudy(long id, String slug, String title, CaseStudyKind kind, String summary, String body,
                        Optional<String> link, Optional<String> regionCode, Optional<Integer> year,
                        List<String> councils, List<String> topics) {
}
