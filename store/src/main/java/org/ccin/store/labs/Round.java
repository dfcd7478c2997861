package org.ccin.store.labs;

import java.time.Instant;
import java.util.List;

/**
 * A funding round. Amounts are whole pounds.
 *
 * @param questions what applicants answer, in order: the code of a standard question or staff's own words
 * @param criteria what reviewers score against, in order
 * @param topic the newsletter topic whose subscribers hear of it
 */
public record Round(long id, RoundKind kind, long budget, long maxAward, Instant opensAt, Instant closesAt,
                    List<String> questions, List<String> criteria, String topic, long createdBy, Instant createdAt) {
    public Round {
        questions = List.copyOf(questions);
        criteria = List.copyOf(criteria);
    }

    /** Whether it takes applications at this instant: from its opening, until (not at) its closing. */
    public boolean isOpen(Instant now) {
        return !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
