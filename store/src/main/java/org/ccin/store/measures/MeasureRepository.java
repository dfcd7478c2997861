package org.ccin.store.measures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The strategy's measures: written by import, read by members' questions and the dashboard. Thread-safe. */
public final class MeasureRepository {
    private final Jdbi jdbi;

    public MeasureRepository(Database database) {
        this.jdbi = database.jdbi();
    }

    /** Every measure in the file's order, each with its figures and targets. */
    public List<Measure> all() {
        return jdbi.withHandle(h -> load(h, Optional.empty()));
    }

    public Optional<Measure> byCode(String code) {
        return jdbi.withHandle(h -> load(h, Optional.of(code))).stream().findFirst();
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM measures").mapTo(Integer.class).one());
    }

    /**
     * Inserts or updates a measure by code inside the caller's transaction. Its figures and targets become exactly
     * the given ones: a figure the file no longer holds is removed, so a corrected file corrects the data.
     */
    public static UpsertOutcome upsert(Handle handle, Measure measure, int sortOrder) {
        Optional<Measure> existing = load(handle, Optional.of(measure.code())).stream().findFirst();
        int existingOrder = handle.createQuery("SELECT sort_order FROM measures WHERE code = :code")
                .bind("code", measure.code()).mapTo(Integer.class).findOne().orElse(-1);
        if (existing.isPresent() && existing.get().equals(measure) && existingOrder == sortOrder) {
            return UpsertOutcome.UNCHANGED;
        }
        handle.createUpdate("""
                INSERT INTO measures (code, name_en, name_cy, unit, plan_code, objective_code, note_en, note_cy,
                                      sort_order)
                VALUES (:code, :nameEn, :nameCy, :unit, :plan, :objective, :noteEn, :noteCy, :sort)
                ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_cy = excluded.name_cy,
                    unit = excluded.unit, plan_code = excluded.plan_code, objective_code = excluded.objective_code,
                    note_en = excluded.note_en, note_cy = excluded.note_cy, sort_order = excluded.sort_order
                """).bind("code", measure.code()).bind("nameEn", measure.nameEn()).bind("nameCy", measure.nameCy())
                .bind("unit", measure.unit().code()).bind("plan", measure.planCode().orElse(null))
                .bind("objective", measure.objectiveCode().orElse(null)).bind("noteEn", measure.noteEn())
                .bind("noteCy", measure.noteCy()).bind("sort", sortOrder).execute();
        handle.createUpdate("DELETE FROM measure_figures WHERE measure_code = :code").bind("code", measure.code())
                .execute();
        handle.createUpdate("DELETE FROM measure_targets WHERE measure_code = :code").bind("code", measure.code())
                .execute();
        for (MeasureFigure figure : measure.figures()) {
            handle.createUpdate("""
                    INSERT INTO measure_figures (measure_code, as_at, figure, at_least, provisional)
                    VALUES (:code, :asAt, :figure, :atLeast, :provisional)
                    """).bind("code", measure.code()).bind("asAt", figure.asAt().toString())
                    .bind("figure", figure.value()).bind("atLeast", figure.atLeast() ? 1 : 0)
                    .bind("provisional", figure.provisional() ? 1 : 0).execute();
        }
        for (MeasureTarget target : measure.targets()) {
            handle.createUpdate("""
                    INSERT INTO measure_targets (measure_code, due_by, figure, trend)
                    VALUES (:code, :dueBy, :figure, :trend)
                    """).bind("code", measure.code()).bind("dueBy", target.dueBy().toString())
                    .bind("figure", target.figure().orElse(null))
                    .bind("trend", target.improvingTrend() ? "improving" : null).execute();
        }
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    private static List<Measure> load(Handle handle, Optional<String> code) {
        // one query shape for "all" and "one": a null code matches every measure
        String where = " WHERE (:code IS NULL OR code = :code)";
        Map<String, MeasureParts> parts = new LinkedHashMap<>();
        handle.createQuery("SELECT * FROM measures" + where + " ORDER BY sort_order, code")
                .bind("code", code.orElse(null))
                .map((rs, ctx) -> new MeasureParts(rs.getString("code"), rs.getString("name_en"),
                        rs.getString("name_cy"), MeasureUnit.fromCode(rs.getString("unit")).orElseThrow(),
                        Rows.text(rs, "plan_code"), Rows.text(rs, "objective_code"), rs.getString("note_en"),
                        rs.getString("note_cy")))
                .forEach(p -> parts.put(p.code(), p));
        String childWhere = " WHERE (:code IS NULL OR measure_code = :code)";
        handle.createQuery("SELECT * FROM measure_figures" + childWhere).bind("code", code.orElse(null))
                .map((rs, ctx) -> Map.entry(rs.getString("measure_code"), new MeasureFigure(
                        LocalDate.parse(rs.getString("as_at")), rs.getDouble("figure"), rs.getInt("at_least") == 1,
                        rs.getInt("provisional") == 1)))
                .forEach(e -> parts.get(e.getKey()).figures().add(e.getValue()));
        handle.createQuery("SELECT * FROM measure_targets" + childWhere).bind("code", code.orElse(null))
                .map((rs, ctx) -> {
                    double figure = rs.getDouble("figure");
                    Optional<Double> value = rs.wasNull() ? Optional.empty() : Optional.of(figure);
                    return Map.entry(rs.getString("measure_code"),
                            new MeasureTarget(LocalDate.parse(rs.getString("due_by")), value));
                })
                .forEach(e -> parts.get(e.getKey()).targets().add(e.getValue()));
        return parts.values().stream().map(MeasureParts::measure).toList();
    }

    /** A measure being read: its row first, then its figures and targets. */
    private record MeasureParts(String code, String nameEn, String nameCy, MeasureUnit unit, Optional<String> plan,
                                Optional<String> objective, String noteEn, String noteCy, List<MeasureFigure> figures,
                                List<MeasureTarget> targets) {
        MeasureParts(String code, String nameEn, String nameCy, MeasureUnit unit, Optional<String> plan,
                     Optional<String> objective, String noteEn, String noteCy) {
            this(code, nameEn, nameCy, unit, plan, objective, noteEn, noteCy, new ArrayList<>(), new ArrayList<>());
        }

        Measure measure() {
            return new Measure(code, nameEn, nameCy, unit, plan, objective, noteEn, noteCy, figures, targets);
        }
    }
}
