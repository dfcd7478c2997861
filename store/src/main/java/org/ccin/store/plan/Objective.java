package org.ccin.store.plan;

import java.util.List;

/**
 * An objective of a plan (or a theme of the 2021 plan), with its measures of success.
 *
 * @param leads who leads the objective as a whole, when the plan names someone (its actions have leads of their own)
 */
public record Objective(long id, String planCode, String code, String title, String summary, List<String> measures,
                        List<String> leads) {
}
