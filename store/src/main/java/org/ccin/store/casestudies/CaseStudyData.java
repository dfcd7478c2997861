package org.ccin.store.casestudies;

import java.util.List;
import java.util.Optional;

/** A case study as imported, identified by its slug. */
public record CaseStudyData(String slug, String title, CaseStudyKind kind, String summary, String body,
                            Optional<String> link, Optional<String> regionCode, Optional<Integer> year,
                            List<String> councils, List<String> topics) {
}
