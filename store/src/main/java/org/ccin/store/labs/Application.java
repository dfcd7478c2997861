package org.ccin.store.labs;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An application to a round, with its answers by question code (in the order they were first given).
 *
 * @param awarded what was granted, once funded (whole pounds)
 * @param reason why it was not funded
 * @param actionId the plan's action the funded project became
 */
public record Application(long id, long roundId, long memberId, long telegramUserId, Optional<Long> organisationId,
                          ApplicationStatus status, Optional<Long> awarded, Optional<String> reason,
                          Optional<Instant> decidedAt, Optional<Long> actionId, Optional<Long> caseStudyId,
                          Instant createdAt, Optional<Instant> submittedAt, Map<String, String> answers) {
    public Application {
        answers = Map.copyOf(answers);
    }

    public Optional<String> answer(String question) {
        return Optional.ofNullable(answers.get(question)).filter(a -> !a.isBlank());
    }
}
