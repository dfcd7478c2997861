package org.ccin.store.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An action of a plan (a supporting activity such as 1.4), with its leads as the plan names them, its milestones
 * and its progress.
 */
public record Action(long id, String planCode, String code, long objectiveId, String objectiveCode, String text,
                     Progress progress, List<String> leads, List<Milestone> milestones, List<String> topics,
                     List<String> keywords, Optional<Instant> progressUpdatedAt) {
}
