package org.ccin.store.reminders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.ccin.store.Store;
import org.ccin.store.plan.Progress;

/** A few plan rows written straight into a test database: just what the reminder repositories read. */
final class PlanRows {
    private final Store store;

    PlanRows(Store store) {
        this.store = store;
    }

    void plan(String code, boolean current, int sortOrder) {
        store.database().jdbi().useHandle(h -> {
            h.createUpdate("INSERT INTO plans (code, title_en, title_cy, version, is_current, sort_order) "
                    + "VALUES (:code, :code, :code, '1', :current, :sort)").bind("code", code)
                    .bind("current", current ? 1 : 0).bind("sort", sortOrder).execute();
            h.createUpdate("INSERT INTO objectives (plan_code, code, title, sort_order) VALUES (:code, '1', 'One', 1)")
                    .bind("code", code).execute();
        });
    }

    long action(String plan, String code, Progress progress, int sortOrder) {
        return store.database().jdbi().withHandle(h -> h.createUpdate("""
                INSERT INTO actions (plan_code, code, objective_id, text, progress, sort_order, updated_at)
                VALUES (:plan, :code, (SELECT id FROM objectives WHERE plan_code = :plan), :text, :progress, :sort, :now)
                """).bind("plan", plan).bind("code", code).bind("text", "Action " + code)
                .bind("progress", progress.name()).bind("sort", sortOrder).bind("now", Instant.EPOCH)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long milestone(long actionId, int position, Optional<LocalDate> due, boolean done) {
        return store.database().jdbi().withHandle(h -> h.createUpdate("""
                INSERT INTO milestones (action_id, position, label, due_date, done)
                VALUES (:action, :position, :label, :due, :done)
                """).bind("action", actionId).bind("position", position).bind("label", "Milestone " + position)
                .bind("due", due.map(LocalDate::toString).orElse(null)).bind("done", done ? 1 : 0)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    Progress progress(long actionId) {
        return Progress.valueOf(store.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT progress FROM actions WHERE id = :id").bind("id", actionId).mapTo(String.class).one()));
    }

    boolean done(long milestoneId) {
        return store.database().jdbi().withHandle(h -> h.createQuery("SELECT done FROM milestones WHERE id = :id")
                .bind("id", milestoneId).mapTo(Integer.class).one()) == 1;
    }

    long member(long telegramUserId, String firstName) {
        return store.members().recordContact(telegramUserId, firstName, Optional.empty(), "en").id();
    }
}
