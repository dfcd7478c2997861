package org.ccin.store.labs;

import java.time.Instant;
import java.util.List;

/** A round as staff open it. */
public record NewRound(RoundKind kind, long budget, long maxAward, Instant opensAt, Instant closesAt,
                       List<String> questions, String topic, long createdBy) {
    public NewRound {
        questions = List.copyOf(questions);
        if (budget <= 0 || maxAward <= 0 || maxAward > budget) {
            throw new IllegalArgumentException("a round needs a positive budget and a maximum within it");
        }
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a round closes after it opens");
        }
    }
}
