package org.ccin.store.importing;

import java.util.List;
import java.util.Set;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.PlanRepository;
import org.jdbi.v3.core.Handle;

/** Objectives (or themes) of a plan: plan, code, title, summary, measures (a list), leads (a list, optional). */
public final class ObjectivesSection implements ImportSection {
    @Override
    public String name() {
        return "objectives";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("plan", "code", "title", "measures");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        int order = 0;
        for (ImportRow row : rows) {
            order++;
            String plan = row.required("plan");
            String code = row.required("code");
            if (plan.isEmpty() || code.isEmpty()) {
                continue;
            }
            if (!PlanLookups.planExists(handle, plan)) {
                row.problem("unknown plan '" + plan + "'; add it under plans first");
                continue;
            }
            Objective objective = new Objective(0, plan, code, row.required("title"),
                    row.optional("summary").orElse(""), row.list("measures"), row.list("leads"));
            counts = counts.plus(PlanRepository.upsertObjective(handle, objective, order));
        }
        return counts;
    }
}
