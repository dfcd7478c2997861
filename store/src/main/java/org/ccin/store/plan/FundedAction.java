package org.ccin.store.plan;

import java.time.LocalDate;
import java.util.List;

/**
 * A funded project as an action of the current plan, under its objective of funded projects.
 *
 * @param code the action's code, unique in the plan
 * @param lead the lead as the plan names them
 * @param milestones the reports due, in order
 */
public record FundedAction(String code, String text, String lead, List<Due> milestones) {
    public FundedAction {
        milestones = List.copyOf(milestones);
    }

    /** A milestone with its label and due date. */
    public record Due(String label, LocalDate date) {
    }
}
