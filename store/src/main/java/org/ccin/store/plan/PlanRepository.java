package org.ccin.store.plan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.internal.Rows;
import org.ccin.store.search.FtsQuery;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** The action plans: read by members' questions, written by import and by leads' progress. Thread-safe. */
public final class PlanRepository {
    private static final RowMapper<Plan> PLAN = (rs, ctx) -> new Plan(rs.getString("code"), rs.getString("title_en"),
            rs.getString("title_cy"), rs.getString("version"), rs.getInt("is_current") == 1,
            rs.getString("objectives_called"));
    private static final RowMapper<Objective> OBJECTIVE = (rs, ctx) -> new Objective(rs.getLong("id"),
            rs.getString("plan_code"), rs.getString("code"), rs.getString("title"), rs.getString("summary"),
            lines(rs.getString("measures")), lines(rs.getString("leads")));
    private static final RowMapper<ActionRow> ACTION_ROW = (rs, ctx) -> new ActionRow(rs.getLong("id"),
            rs.getString("plan_code"), rs.getString("code"), rs.getLong("objective_id"),
            rs.getString("objective_code"), rs.getString("text"), Progress.valueOf(rs.getString("progress")),
            lines(rs.getString("topics")), lines(rs.getString("keywords")), Rows.instant(rs, "progress_updated_at"));
    private static final String ACTION_COLUMNS = "a.*, o.code AS objective_code";
    private static final String ACTIONS_FROM = " FROM actions a JOIN objectives o ON o.id = a.objective_id"
            + " JOIN plans p ON p.code = a.plan_code ";

    private final Jdbi jdbi;
    private final Clock clock;

    public PlanRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public List<Plan> plans() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plans ORDER BY is_current DESC, sort_order")
                .map(PLAN).list());
    }

    public Optional<Plan> plan(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM plans WHERE code = :code").bind("code", code)
                .map(PLAN).findOne());
    }

    public Optional<Plan> currentPlan() {
        return plans().stream().filter(Plan::current).findFirst();
    }

    public List<Objective> objectives(String planCode) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM objectives WHERE plan_code = :plan ORDER BY sort_order")
                .bind("plan", planCode).map(OBJECTIVE).list());
    }

    public Optional<Objective> objective(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM objectives WHERE id = :id").bind("id", id)
                .map(OBJECTIVE).findOne());
    }

    public List<Action> actionsOf(long objectiveId) {
        return actions("WHERE a.objective_id = :id ORDER BY a.sort_order", Map.of("id", objectiveId));
    }

    /** Every action of every plan, the current plan's first: what typed questions are matched against. */
    public List<Action> allActions() {
        return actions("ORDER BY p.is_current DESC, p.sort_order, a.sort_order", Map.of());
    }

    public Optional<Action> action(long id) {
        return actions("WHERE a.id = :id", Map.of("id", id)).stream().findFirst();
    }

    /** The actions with this code in every plan, the current plan's first. */
    public List<Action> byCode(String code) {
        return actions("WHERE a.code = :code ORDER BY p.is_current DESC, p.sort_order", Map.of("code", code));
    }

    /** Actions matching the words, best first; the current plan's before older plans' at equal rank. */
    public List<Action> search(FtsQuery query, int limit) {
        Optional<String> match = query.all();
        if (match.isEmpty()) {
            return List.of();
        }
        List<Action> found = searchMatch(match.get(), limit);
        if (found.isEmpty() && query.groups().size() > 1) {
            found = searchMatch(query.any().orElseThrow(), limit);
        }
        return found;
    }

    private List<Action> searchMatch(String match, int limit) {
        List<Long> ids = jdbi.withHandle(h -> h.createQuery("""
                SELECT f.rowid FROM actions_fts f JOIN actions a ON a.id = f.rowid JOIN plans p ON p.code = a.plan_code
                WHERE actions_fts MATCH :match
                ORDER BY p.is_current DESC, bm25(actions_fts, 5.0, 2.0, 4.0, 1.0, 4.0, 1.0) LIMIT :limit
                """).bind("match", match).bind("limit", limit).mapTo(Long.class).list());
        return byIds(ids);
    }

    /** Actions of the current plan with one of these progress marks. */
    public List<Action> withProgress(Set<Progress> progress) {
        String marks = progress.stream().map(p -> "'" + p.name() + "'").collect(Collectors.joining(","));
        return actions("WHERE p.is_current = 1 AND a.progress IN (" + marks + ") ORDER BY a.sort_order", Map.of());
    }

    /** Actions of the current plan with a milestone due in [from, to] that is not done. */
    public List<Action> dueBetween(LocalDate from, LocalDate to) {
        return actions("""
                WHERE p.is_current = 1 AND a.id IN (SELECT action_id FROM milestones
                    WHERE done = 0 AND due_date >= :from AND due_date <= :to)
                ORDER BY a.sort_order""", Map.of("from", from.toString(), "to", to.toString()));
    }

    /** Actions of the current plan not complete with a milestone due before {@code today} that is not done. */
    public List<Action> overdue(LocalDate today) {
        return actions("""
                WHERE p.is_current = 1 AND a.progress <> 'COMPLETE' AND a.id IN (SELECT action_id FROM milestones
                    WHERE done = 0 AND due_date < :today)
                ORDER BY a.sort_order""", Map.of("today", today.toString()));
    }

    /** Actions whose lead's name contains every word given ("Nicola Huckerby", "Oldham"). */
    public List<Action> ledBy(List<String> words) {
        if (words.isEmpty()) {
            return List.of();
        }
        StringBuilder condition = new StringBuilder();
        Map<String, Object> binds = new LinkedHashMap<>();
        for (int i = 0; i < words.size(); i++) {
            condition.append(i == 0 ? "" : " AND ").append("lower(l.name) LIKE :w").append(i).append(' ')
                    .append(Rows.LIKE_ESCAPE);
            binds.put("w" + i, "%" + Rows.likeLiteral(words.get(i).toLowerCase()) + "%");
        }
        return actions("WHERE a.id IN (SELECT l.action_id FROM action_leads l WHERE " + condition + ")"
                + " ORDER BY p.is_current DESC, p.sort_order, a.sort_order", binds);
    }

    /** How many actions of an objective stand at each progress mark. */
    public Map<Progress, Integer> progressCounts(long objectiveId) {
        Map<Progress, Integer> counts = new EnumMap<>(Progress.class);
        jdbi.useHandle(h -> h.createQuery("SELECT progress, count(*) AS n FROM actions WHERE objective_id = :id "
                + "GROUP BY progress").bind("id", objectiveId)
                .map((rs, ctx) -> counts.put(Progress.valueOf(rs.getString("progress")), rs.getInt("n"))).list());
        return counts;
    }

    /** How many actions of the current plan stand at each progress mark (the weekly digest's traffic lights). */
    public Map<Progress, Integer> currentProgressCounts() {
        Map<Progress, Integer> counts = new EnumMap<>(Progress.class);
        jdbi.useHandle(h -> h.createQuery("SELECT a.progress, count(*) AS n FROM actions a JOIN plans p "
                + "ON p.code = a.plan_code WHERE p.is_current = 1 GROUP BY a.progress")
                .map((rs, ctx) -> counts.put(Progress.valueOf(rs.getString("progress")), rs.getInt("n"))).list());
        return counts;
    }

    /** The action a milestone belongs to, with all its milestones. */
    public Optional<Action> actionOfMilestone(long milestoneId) {
        return actions("WHERE a.id = (SELECT action_id FROM milestones WHERE id = :id)", Map.of("id", milestoneId))
                .stream().findFirst();
    }

    // ------------------------------------------------------------------ notes

    // the plan names the lead the writer stands behind; the member's own name stays out of what the plan shows
    private static final String NOTES = """
            SELECT u.id, u.action_id, u.note, u.created_at, u.member_id, u.former_lead,
                   (SELECT l.lead_name FROM lead_links l WHERE l.action_id = u.action_id AND l.member_id = u.member_id)
                   AS lead_name
            FROM progress_updates u WHERE u.note IS NOT NULL AND trim(u.note) <> '' """;
    private static final RowMapper<ActionNote> NOTE = (rs, ctx) -> new ActionNote(rs.getLong("id"),
            rs.getLong("action_id"), rs.getInt("former_lead") == 1 ? ActionNote.Author.FORMER_LEAD
            : Rows.number(rs, "member_id").isPresent() ? ActionNote.Author.LEAD : ActionNote.Author.STAFF,
            Rows.text(rs, "lead_name"), rs.getString("note").strip(), Rows.requiredInstant(rs, "created_at"));

    /** An action's notes, newest first, from {@code offset} on. */
    public List<ActionNote> notes(long actionId, int offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery(NOTES + "AND u.action_id = :action "
                        + "ORDER BY u.created_at DESC, u.id DESC LIMIT :limit OFFSET :offset")
                .bind("action", actionId).bind("limit", limit).bind("offset", offset).map(NOTE).list());
    }

    public int noteCount(long actionId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM progress_updates WHERE action_id = :action "
                + "AND note IS NOT NULL AND trim(note) <> ''").bind("action", actionId).mapTo(Integer.class).one());
    }

    /** The newest note of each of these actions that has one. */
    public Map<Long, ActionNote> latestNotes(List<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        String ids = actionIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, ActionNote> latest = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(NOTES + "AND u.action_id IN (" + ids + ") ORDER BY u.created_at, u.id")
                .map(NOTE).forEach(note -> latest.put(note.actionId(), note)));
        return latest;
    }

    /** Every note of each of these actions, newest first (the plan page's history on demand). */
    public Map<Long, List<ActionNote>> notesOf(List<Long> actionIds) {
        if (actionIds.isEmpty()) {
            return Map.of();
        }
        String ids = actionIds.stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, List<ActionNote>> notes = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery(NOTES + "AND u.action_id IN (" + ids + ") ORDER BY u.created_at DESC, u.id DESC")
                .map(NOTE).forEach(note -> notes.computeIfAbsent(note.actionId(), k -> new ArrayList<>()).add(note)));
        return notes;
    }

    public Optional<ActionNote> latestNote(long actionId) {
        return notes(actionId, 0, 1).stream().findFirst();
    }

    /** Every note written since a time, oldest first (the staff's weekly digest). */
    public List<ActionNote> notesSince(Instant from) {
        return jdbi.withHandle(h -> h.createQuery(NOTES + "AND u.created_at >= :from ORDER BY u.created_at, u.id")
                .bind("from", from).map(NOTE).list());
    }

    private List<Action> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Action> byId = new LinkedHashMap<>();
        String list = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        actions("WHERE a.id IN (" + list + ")", Map.of()).forEach(a -> byId.put(a.id(), a));
        List<Action> ordered = new ArrayList<>();
        ids.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(ordered::add));
        return ordered;
    }

    private List<Action> actions(String where, Map<String, Object> binds) {
        return jdbi.withHandle(h -> {
            var query = h.createQuery("SELECT " + ACTION_COLUMNS + ACTIONS_FROM + where);
            binds.forEach(query::bind);
            List<ActionRow> rows = query.map(ACTION_ROW).list();
            return hydrate(h, rows);
        });
    }

    private record ActionRow(long id, String planCode, String code, long objectiveId, String objectiveCode,
                             String text, Progress progress, List<String> topics, List<String> keywords,
                             Optional<Instant> progressUpdatedAt) {
    }

    private static List<Action> hydrate(Handle h, List<ActionRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        String ids = rows.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
        Map<Long, List<String>> leads = new LinkedHashMap<>();
        h.createQuery("SELECT action_id, name FROM action_leads WHERE action_id IN (" + ids + ") ORDER BY position")
                .map((rs, ctx) -> leads.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
                        .add(rs.getString("name"))).list();
        Map<Long, List<Milestone>> milestones = new LinkedHashMap<>();
        h.createQuery("SELECT * FROM milestones WHERE action_id IN (" + ids + ") ORDER BY position")
                .map((rs, ctx) -> milestones.computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
                        .add(new Milestone(rs.getLong("id"), rs.getLong("action_id"), rs.getInt("position"),
                                rs.getString("label"), Rows.text(rs, "due_date").map(LocalDate::parse),
                                rs.getInt("done") == 1))).list();
        List<Action> actions = new ArrayList<>();
        for (ActionRow r : rows) {
            actions.add(new Action(r.id(), r.planCode(), r.code(), r.objectiveId(), r.objectiveCode(), r.text(),
                    r.progress(), leads.getOrDefault(r.id(), List.of()), milestones.getOrDefault(r.id(), List.of()),
                    r.topics(), r.keywords(), r.progressUpdatedAt()));
        }
        return actions;
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    // ------------------------------------------------------------------ import

    /** Inserts or updates a plan by code, inside the caller's transaction. */
    public static UpsertOutcome upsertPlan(Handle h, Plan plan, int sortOrder) {
        Optional<Plan> existing = h.createQuery("SELECT * FROM plans WHERE code = :code").bind("code", plan.code())
                .map(PLAN).findOne();
        if (existing.isPresent() && existing.get().equals(plan)) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("""
                INSERT INTO plans (code, title_en, title_cy, version, is_current, objectives_called, sort_order)
                VALUES (:code, :titleEn, :titleCy, :version, :current, :objectivesCalled, :sort)
                ON CONFLICT (code) DO UPDATE SET title_en = excluded.title_en, title_cy = excluded.title_cy,
                    version = excluded.version, is_current = excluded.is_current,
                    objectives_called = excluded.objectives_called, sort_order = excluded.sort_order
                """).bindMethods(plan).bind("current", plan.current() ? 1 : 0).bind("sort", sortOrder).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    /** Inserts or updates an objective by (plan, code), inside the caller's transaction. */
    public static UpsertOutcome upsertObjective(Handle h, Objective objective, int sortOrder) {
        Optional<Objective> existing = h.createQuery("SELECT * FROM objectives WHERE plan_code = :plan AND code = :code")
                .bind("plan", objective.planCode()).bind("code", objective.code()).map(OBJECTIVE).findOne();
        Objective comparable = new Objective(existing.map(Objective::id).orElse(0L), objective.planCode(),
                objective.code(), objective.title(), objective.summary(), objective.measures(), objective.leads());
        if (existing.isPresent() && existing.get().equals(comparable)) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("""
                INSERT INTO objectives (plan_code, code, title, summary, measures, leads, sort_order)
                VALUES (:plan, :code, :title, :summary, :measures, :leads, :sort)
                ON CONFLICT (plan_code, code) DO UPDATE SET title = excluded.title, summary = excluded.summary,
                    measures = excluded.measures, leads = excluded.leads, sort_order = excluded.sort_order
                """).bind("plan", objective.planCode()).bind("code", objective.code()).bind("title", objective.title())
                .bind("summary", objective.summary()).bind("measures", String.join("\n", objective.measures()))
                .bind("leads", String.join("\n", objective.leads()))
                .bind("sort", sortOrder).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    /**
     * Inserts or updates an action by (plan, code) with its leads and milestones, inside the caller's transaction.
     * Milestones keep their ids by position, so reminders that refer to them survive a re-import. The file's
     * progress is taken only while nobody has recorded progress through the bot: a lead's answer is newer.
     */
    public UpsertOutcome upsertAction(Handle h, ActionData data, MilestoneDates dates) {
        long objectiveId = h.createQuery("SELECT id FROM objectives WHERE plan_code = :plan AND code = :code")
                .bind("plan", data.planCode()).bind("code", data.objectiveCode()).mapTo(Long.class).one();
        Optional<Action> existing = actions(h, data.planCode(), data.code());
        if (existing.isPresent() && sameAs(existing.get(), data, objectiveId, dates)) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("""
                INSERT INTO actions (plan_code, code, objective_id, text, progress, topics, keywords, sort_order, updated_at)
                VALUES (:plan, :code, :objective, :text, :progress, :topics, :keywords, :sort, :now)
                ON CONFLICT (plan_code, code) DO UPDATE SET objective_id = excluded.objective_id, text = excluded.text,
                    progress = CASE WHEN actions.progress_updated_at IS NULL THEN excluded.progress ELSE actions.progress END,
                    topics = excluded.topics, keywords = excluded.keywords, sort_order = excluded.sort_order,
                    updated_at = excluded.updated_at
                """).bind("plan", data.planCode()).bind("code", data.code()).bind("objective", objectiveId)
                .bind("text", data.text()).bind("progress", data.progress().name())
                .bind("topics", String.join("\n", data.topics())).bind("keywords", String.join("\n", data.keywords()))
                .bind("sort", data.sortOrder()).bind("now", clock.instant()).execute();
        long actionId = h.createQuery("SELECT id FROM actions WHERE plan_code = :plan AND code = :code")
                .bind("plan", data.planCode()).bind("code", data.code()).mapTo(Long.class).one();
        h.createUpdate("DELETE FROM action_leads WHERE action_id = :id").bind("id", actionId).execute();
        for (int i = 0; i < data.leads().size(); i++) {
            h.createUpdate("INSERT INTO action_leads (action_id, position, name) VALUES (:id, :pos, :name)")
                    .bind("id", actionId).bind("pos", i).bind("name", data.leads().get(i)).execute();
        }
        for (int i = 0; i < data.milestones().size(); i++) {
            String label = data.milestones().get(i);
            h.createUpdate("""
                    INSERT INTO milestones (action_id, position, label, due_date) VALUES (:id, :pos, :label, :due)
                    ON CONFLICT (action_id, position) DO UPDATE SET label = excluded.label, due_date = excluded.due_date
                    """).bind("id", actionId).bind("pos", i).bind("label", label)
                    .bind("due", dates.dueDate(label).map(LocalDate::toString).orElse(null)).execute();
        }
        h.createUpdate("DELETE FROM milestones WHERE action_id = :id AND position >= :count").bind("id", actionId)
                .bind("count", data.milestones().size()).execute();
        String objectiveTitle = h.createQuery("SELECT title FROM objectives WHERE id = :id").bind("id", objectiveId)
                .mapTo(String.class).one();
        h.createUpdate("DELETE FROM actions_fts WHERE rowid = :id").bind("id", actionId).execute();
        h.createUpdate("""
                INSERT INTO actions_fts (rowid, code, text, leads, milestones, keywords, objective)
                VALUES (:id, :code, :text, :leads, :milestones, :keywords, :objective)
                """).bind("id", actionId).bind("code", data.code()).bind("text", data.text())
                .bind("leads", String.join("\n", data.leads())).bind("milestones", String.join("\n", data.milestones()))
                .bind("keywords", String.join("\n", data.keywords())).bind("objective", objectiveTitle).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    /** The code of the objective funded projects are filed under, in the current plan. */
    public static final String FUNDED_OBJECTIVE = "PL";

    /**
     * Adds a funded project to the current plan as an action with its lead and milestones, under the objective
     * {@link #FUNDED_OBJECTIVE} (made when first needed), so that reminders and progress answers work for it.
     *
     * @return the action's id; empty when there is no current plan
     */
    public Optional<Long> addFundedAction(FundedAction funded, String objectiveTitle) {
        return jdbi.inTransaction(h -> {
            Optional<String> plan = h.createQuery("SELECT code FROM plans WHERE is_current = 1 ORDER BY sort_order")
                    .mapTo(String.class).findFirst();
            if (plan.isEmpty()) {
                return Optional.<Long>empty();
            }
            h.createUpdate("""
                    INSERT INTO objectives (plan_code, code, title, sort_order)
                    VALUES (:plan, :code, :title, (SELECT coalesce(max(sort_order), 0) + 1 FROM objectives))
                    ON CONFLICT (plan_code, code) DO NOTHING
                    """).bind("plan", plan.get()).bind("code", FUNDED_OBJECTIVE).bind("title", objectiveTitle).execute();
            // a label is what people see and what the plan's dates are read from: one the reader cannot date
            // ("Interim report") carries its date
            MilestoneDates dates = MilestoneDates.defaults();
            List<String> labels = funded.milestones().stream().map(m -> dates.dueDate(m.label())
                    .filter(m.date()::equals).isPresent() ? m.label() : m.label() + " (" + m.date() + ")").toList();
            ActionData data = new ActionData(plan.get(), funded.code(), FUNDED_OBJECTIVE, funded.text(),
                    Progress.NOT_STARTED, List.of(funded.lead()), labels, List.of(), List.of(),
                    h.createQuery("SELECT coalesce(max(sort_order), 0) + 1 FROM actions").mapTo(Integer.class).one());
            upsertAction(h, data, dates);
            return Optional.of(h.createQuery("SELECT id FROM actions WHERE plan_code = :plan AND code = :code")
                    .bind("plan", plan.get()).bind("code", funded.code()).mapTo(Long.class).one());
        });
    }

    private static boolean sameAs(Action action, ActionData data, long objectiveId, MilestoneDates dates) {
        List<String> labels = action.milestones().stream().map(Milestone::label).toList();
        List<Optional<LocalDate>> due = action.milestones().stream().map(Milestone::dueDate).toList();
        List<Optional<LocalDate>> wantedDue = data.milestones().stream().map(dates::dueDate).toList();
        boolean progressSame = action.progressUpdatedAt().isPresent() || action.progress() == data.progress();
        return action.objectiveId() == objectiveId && action.text().equals(data.text()) && progressSame
                && action.leads().equals(data.leads()) && labels.equals(data.milestones()) && due.equals(wantedDue)
                && action.topics().equals(data.topics()) && action.keywords().equals(data.keywords());
    }

    private static Optional<Action> actions(Handle h, String planCode, String code) {
        List<ActionRow> rows = h.createQuery("SELECT " + ACTION_COLUMNS + ACTIONS_FROM
                        + "WHERE a.plan_code = :plan AND a.code = :code").bind("plan", planCode).bind("code", code)
                .map(ACTION_ROW).list();
        return hydrate(h, rows).stream().findFirst();
    }
}
