package org.ccin.store.plan;

import java.util.List;

/** An objective of a plan (or a theme of the 2021 plan), with its measures of success. */
public record Objective(long id, String planCode, String code, String title, String summary, List<String> measures) {
}
