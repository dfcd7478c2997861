package org.ccin.store.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureRepository;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.measures.MeasureUnit;
import org.jdbi.v3.core.Handle;

/**
 * The strategy's measures, one row per figure or target (so a spreadsheet can be saved as CSV as it is): measure
 * (its code), name, nameCy, unit, plan, objective, note, noteCy, asAt, figure, provisional, target. The describing
 * fields may be given on any row of the measure, but must agree where repeated.
 */
public final class MeasuresSection implements ImportSection {
    private static final Pattern FIGURE = Pattern.compile("(?i)(over|more than|>)?\\s*(\\d+(?:\\.\\d+)?)\\s*(%)?");
    private static final DateTimeFormatter MONTH_NAME = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    @Override
    public String name() {
        return "measures";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("measure", "asAt", "figure", "target");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        Map<String, Draft> drafts = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            String code = row.required("measure").toLowerCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (!code.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                row.problem("'measure' must be a code of a-z, 0-9, - and _ (e.g. full-council-members), not '"
                        + code + "'");
                continue;
            }
            Draft draft = drafts.computeIfAbsent(code, Draft::new);
            draft.describe(row);
            readPoint(row, draft);
        }
        SectionCounts counts = SectionCounts.empty(name());
        int order = 0;
        for (Draft draft : drafts.values()) {
            order++;
            Optional<Measure> measure = draft.measure(handle);
            if (measure.isPresent()) {
                counts = counts.plus(MeasureRepository.upsert(handle, measure.get(), order));
            }
        }
        return counts;
    }

    private static void readPoint(ImportRow row, Draft draft) {
        Optional<String> figureText = row.optional("figure");
        Optional<String> targetText = row.optional("target");
        Optional<String> asAtText = row.optional("asAt");
        if (asAtText.isEmpty()) {
            if (figureText.isPresent() || targetText.isPresent()) {
                row.problem("'asAt' is missing: say which date the figure or target is for (e.g. 2024-07)");
            }
            return;
        }
        Optional<LocalDate> asAt = date(asAtText.get());
        if (asAt.isEmpty()) {
            row.problem("'asAt' must be a date such as 2024-07, 2024-07-31 or July 2024, not '" + asAtText.get() + "'");
            return;
        }
        if (figureText.isEmpty() && targetText.isEmpty()) {
            row.problem("give a 'figure' or a 'target' for " + asAtText.get());
            return;
        }
        boolean provisional = row.flag("provisional", false);
        figureText.ifPresent(text -> figure(row, text).ifPresent(parsed -> {
            if (draft.figures.containsKey(asAt.get())) {
                row.problem("a second figure for " + asAtText.get() + "; " + draft.figures.get(asAt.get()).where()
                        + " has one already");
                return;
            }
            draft.percentFigures |= parsed.percent();
            draft.figures.put(asAt.get(), new Placed<>(row.where(), new MeasureFigure(asAt.get(), parsed.value(),
                    parsed.atLeast(), provisional)));
        }));
        targetText.ifPresent(text -> target(row, text, asAt.get()).ifPresent(target -> {
            if (draft.targets.containsKey(asAt.get())) {
                row.problem("a second target for " + asAtText.get() + "; " + draft.targets.get(asAt.get()).where()
                        + " has one already");
                return;
            }
            draft.targets.put(asAt.get(), new Placed<>(row.where(), target));
        }));
    }

    private static Optional<ParsedFigure> figure(ImportRow row, String text) {
        Matcher matcher = FIGURE.matcher(text.trim());
        if (!matcher.matches()) {
            row.problem("'figure' must be a number such as 47, 58% or over 300, not '" + text + "'");
            return Optional.empty();
        }
        return Optional.of(new ParsedFigure(Double.parseDouble(matcher.group(2)), matcher.group(1) != null,
                matcher.group(3) != null));
    }

    private static Optional<MeasureTarget> target(ImportRow row, String text, LocalDate dueBy) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.equals("improving") || trimmed.equals("improving trend")) {
            return Optional.of(MeasureTarget.improving(dueBy));
        }
        Matcher matcher = FIGURE.matcher(trimmed);
        if (!matcher.matches() || matcher.group(1) != null) {
            row.problem("'target' must be a number such as 50 or 60%, or 'improving', not '" + text + "'");
            return Optional.empty();
        }
        return Optional.of(MeasureTarget.of(dueBy, Double.parseDouble(matcher.group(2))));
    }

    /** 2024-07 and July 2024 stand for the month's last day, like a milestone written as a month. */
    static Optional<LocalDate> date(String text) {
        String trimmed = text.trim();
        try {
            if (trimmed.matches("\\d{4}-\\d{2}")) {
                return Optional.of(YearMonth.parse(trimmed).atEndOfMonth());
            }
            if (trimmed.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return Optional.of(LocalDate.parse(trimmed));
            }
            String capitalised = trimmed.isEmpty() ? trimmed
                    : trimmed.substring(0, 1).toUpperCase(Locale.ENGLISH) + trimmed.substring(1).toLowerCase(Locale.ENGLISH);
            return Optional.of(YearMonth.parse(capitalised, MONTH_NAME).atEndOfMonth());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private record ParsedFigure(double value, boolean atLeast, boolean percent) {
    }

    /** Something read from a row, with the row's place for a later "… has one already". */
    private record Placed<T>(String where, T value) {
    }

    /** One measure being gathered from its rows. */
    private static final class Draft {
        private final String code;
        private final Map<String, Placed<String>> fields = new LinkedHashMap<>();
        private final Map<LocalDate, Placed<MeasureFigure>> figures = new LinkedHashMap<>();
        private final Map<LocalDate, Placed<MeasureTarget>> targets = new LinkedHashMap<>();
        private final List<ImportRow> rows = new ArrayList<>();
        private boolean percentFigures;

        Draft(String code) {
            this.code = code;
        }

        void describe(ImportRow row) {
            rows.add(row);
            for (String field : List.of("name", "nameCy", "unit", "plan", "objective", "note", "noteCy")) {
                row.optional(field).ifPresent(value -> {
                    Placed<String> earlier = fields.get(field);
                    if (earlier == null) {
                        fields.put(field, new Placed<>(row.where(), value));
                    } else if (!earlier.value().equals(value)) {
                        row.problem("'" + field + "' of measure '" + code + "' is '" + value + "' here but '"
                                + earlier.value() + "' at " + earlier.where());
                    }
                });
            }
        }

        Optional<Measure> measure(Handle handle) {
            ImportRow first = rows.get(0);
            Optional<String> name = value("name");
            if (name.isEmpty()) {
                first.problem("measure '" + code + "' has no 'name' on any of its rows");
                return Optional.empty();
            }
            MeasureUnit unit = MeasureUnit.COUNT;
            Optional<String> unitText = value("unit");
            if (unitText.isPresent()) {
                Optional<MeasureUnit> parsed = MeasureUnit.fromCode(unitText.get());
                if (parsed.isEmpty()) {
                    first.problem("'unit' of measure '" + code + "' must be count or percent, not '"
                            + unitText.get() + "'");
                    return Optional.empty();
                }
                unit = parsed.get();
            } else if (percentFigures) {
                unit = MeasureUnit.PERCENT;
            }
            if (percentFigures && unit != MeasureUnit.PERCENT) {
                first.problem("measure '" + code + "' has figures with % but its unit is " + unit.code());
                return Optional.empty();
            }
            Optional<String> plan = value("plan");
            Optional<String> objective = value("objective");
            if (objective.isPresent() && plan.isEmpty()) {
                first.problem("measure '" + code + "' names an objective but no 'plan'");
                return Optional.empty();
            }
            if (plan.isPresent() && !PlanLookups.planExists(handle, plan.get())) {
                first.problem("unknown plan '" + plan.get() + "'; import the plan first");
                return Optional.empty();
            }
            if (objective.isPresent() && !PlanLookups.objectiveExists(handle, plan.get(), objective.get())) {
                first.problem("plan '" + plan.get() + "' has no objective '" + objective.get() + "'");
                return Optional.empty();
            }
            return Optional.of(new Measure(code, name.get(), value("nameCy").orElse(name.get()), unit, plan, objective,
                    value("note").orElse(""), value("noteCy").orElse(value("note").orElse("")),
                    figures.values().stream().map(Placed::value).toList(),
                    targets.values().stream().map(Placed::value).toList()));
        }

        private Optional<String> value(String field) {
            return Optional.ofNullable(fields.get(field)).map(Placed::value);
        }
    }
}
