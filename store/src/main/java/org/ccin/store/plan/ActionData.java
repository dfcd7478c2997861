package org.ccin.store.plan;

import java.util.List;

/** An action as imported. */
public record ActionData(String planCode, String code, String objectiveCode, String text, Progress progress,
                         List<String> leads, List<String> milestones, List<String> topics, List<String> keywords,
                         int sortOrder) {
}
