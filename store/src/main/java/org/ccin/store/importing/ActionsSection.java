package org.ccin.store.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.ccin.store.plan.ActionData;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.plan.Progress;
import org.jdbi.v3.core.Handle;

/**
 * Actions of a plan: plan, code (like 1.4), objective, text, leads, milestones, progress (not started, on track,
 * at risk, blocked, complete), topics, keywords. Lists are YAML lists or semicolon-separated in CSV.
 */
public final class ActionsSection implements ImportSection {
    private static final Pattern ACTION_CODE = Pattern.compile("\\d{1,2}(\\.\\d{1,2}){1,2}");

    private final PlanRepository plans;
    private final MilestoneDates dates;

    public ActionsSection(PlanRepository plans, MilestoneDates dates) {
        this.plans = plans;
        this.dates = dates;
    }

    @Override
    public String name() {
        return "actions";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("plan", "code", "objective", "text", "leads", "milestones", "progress");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        Set<String> seen = new HashSet<>();
        int order = 0;
        for (ImportRow row : rows) {
            order++;
            String plan = row.required("plan");
            String code = row.required("code");
            String objective = row.required("objective");
            String text = row.required("text");
            if (plan.isEmpty() || code.isEmpty() || objective.isEmpty() || text.isEmpty()) {
                continue;
            }
            if (!ACTION_CODE.matcher(code).matches()) {
                row.problem("'code' must look like 1.4 or 3.10, not '" + code + "'");
                continue;
            }
            if (!seen.add(plan + "/" + code)) {
                row.problem("action " + code + " of plan " + plan + " appears twice");
                continue;
            }
            if (!PlanLookups.objectiveExists(handle, plan, objective)) {
                row.problem("unknown objective '" + objective + "' of plan '" + plan + "'");
                continue;
            }
            Progress progress = progress(row);
            List<String> topics = row.list("topics");
            for (String topic : topics) {
                if (!PlanLookups.exists(handle, "topics", topic)) {
                    row.problem("unknown topic '" + topic + "'");
                }
            }
            ActionData data = new ActionData(plan, code, objective, text, progress, row.list("leads"),
                    row.list("milestones"), topics, row.list("keywords"), order);
            counts = counts.plus(plans.upsertAction(handle, data, dates));
        }
        return counts;
    }

    private static Progress progress(ImportRow row) {
        String text = row.optional("progress").orElse("not started").toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]+", "_");
        try {
            return Progress.valueOf(text);
        } catch (IllegalArgumentException e) {
            row.problem("'progress' must be one of not started, on track, at risk, blocked, complete; not '"
                    + row.optional("progress").orElse("") + "'");
            return Progress.NOT_STARTED;
        }
    }
}
