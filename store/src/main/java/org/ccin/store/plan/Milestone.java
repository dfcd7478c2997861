package org.ccin.store.plan;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A milestone of an action.
 *
 * @param label as the plan words it ("Summer 2024"), which is what people see
 * @param dueDate the date it stands for, when it has one
 */
public record Milestone(long id, long actionId, int position, String label, Optional<LocalDate> dueDate,
                        boolean done) {
}
