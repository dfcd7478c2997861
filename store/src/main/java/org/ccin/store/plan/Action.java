package org.ccin.store.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An action of a plan (a supporting activity such as 1.4), with its leads as the plan names them, its milestones
 * and its progress.
 */
public record Action(long id, String planCode, String code, long objectiveId, String objectiveCode, String text,
                     Progress progress, List<String> leads, List<Milestone> milestones, List<String> topics,
                     List<String> keywords, Optional<Instant> progressUpdatedAt) {

    /**
     * The due date of the earliest milestone that is not done and was due before {@code today}; none when the action
     * is complete or nothing is late. Computed, not stored: the progress stays as the lead set it.
     */
    public Optional<LocalDate> overdueSince(LocalDate today) {
        if (progress == Progress.COMPLETE) {
            return Optional.empty();
        }
        return milestones.stream().filter(m -> !m.done()).flatMap(m -> m.dueDate().stream())
                .filter(due -> due.isBefore(today)).min(LocalDate::compareTo);
    }
}
