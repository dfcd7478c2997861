package org.ccin.store.importing;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.PlanRepository;
import org.jdbi.v3.core.Handle;

/**
 * Action plans: code, title, titleCy, version, current (exactly one plan is current), and optionally objectivesCalled
 * ("objectives", the default, or "themes").
 */
public final class PlansSection implements ImportSection {
    @Override
    public String name() {
        return "plans";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("code", "title", "version", "current");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        int order = 0;
        long current = rows.stream().filter(r -> r.flag("current", false)).count();
        if (current > 1 && !rows.isEmpty()) {
            rows.get(0).problem("only one plan can be current; " + current + " are");
        }
        for (ImportRow row : rows) {
            order++;
            String title = row.required("title");
            Plan plan = new Plan(Codes.code(row), title, row.optional("titleCy").orElse(title),
                    row.required("version"), row.flag("current", false), objectivesCalled(row));
            counts = counts.plus(PlanRepository.upsertPlan(handle, plan, order));
            if (plan.current()) {
                // the plan made current here replaces any plan that was current before
                handle.createUpdate("UPDATE plans SET is_current = 0 WHERE code <> :code AND is_current = 1")
                        .bind("code", plan.code()).execute();
            }
        }
        return counts;
    }

    private static String objectivesCalled(ImportRow row) {
        String called = row.optional("objectivesCalled").orElse(Plan.OBJECTIVES).strip().toLowerCase(Locale.ROOT);
        if (!called.equals(Plan.OBJECTIVES) && !called.equals(Plan.THEMES)) {
            row.problem("objectivesCalled must be 'objectives' or 'themes', not '" + called + "'");
            return Plan.OBJECTIVES;
        }
        return called;
    }
}
