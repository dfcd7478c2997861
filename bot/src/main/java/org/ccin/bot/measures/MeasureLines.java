package org.ccin.bot.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.measures.CountedActivity;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.measures.MeasureUnit;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.PlanRepository;

/**
 * How a measure reads, in chat and on the dashboard: "47 (July 2024, provisional)", "over 300", "58%", "an improving
 * trend by July 2025 and July 2026", and the list of every measure by objective. Thread-safe.
 */
public final class MeasureLines {
    private final PlanRepository plans;
    private final YearSoFar soFar;

    /** Lines of the published figures only. */
    public MeasureLines(PlanRepository plans) {
        this(plans, YearSoFar.none());
    }

    /** Lines of the published figures, and of the measure year so far as the bot counted it. */
    public static MeasureLines counting(PlanRepository plans, CountedActivity activity, Clock clock, ZoneId zone) {
        return new MeasureLines(plans, new YearSoFar(activity, clock, zone));
    }

    private MeasureLines(PlanRepository plans, YearSoFar soFar) {
        this.plans = plans;
        this.soFar = soFar;
    }

    /** The bot's own count of the measure year so far, counted now; empty when these lines count nothing. */
    public Optional<YearSoFar.Figures> yearSoFar() {
        return soFar.now();
    }

    public static String name(Measure measure, Texts texts) {
        return "cy".equals(texts.language().code()) ? measure.nameCy() : measure.nameEn();
    }

    public static String note(Measure measure, Texts texts) {
        return "cy".equals(texts.language().code()) ? measure.noteCy() : measure.noteEn();
    }

    /** A figure alone: 47, 58%, over 300 (plain text, not HTML). */
    public static String value(double value, MeasureUnit unit, boolean atLeast, Texts texts) {
        String number = value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.1f", value);
        String withUnit = unit == MeasureUnit.PERCENT ? number + "%" : number;
        return atLeast ? texts.plain("measures.over", "figure", withUnit) : withUnit;
    }

    /** A date as the strategy writes it: "July 2024" for a month's last day, else "15 July 2024". */
    public static String when(LocalDate date, Texts texts) {
        return date.getDayOfMonth() == date.lengthOfMonth() ? texts.monthYear(date) : texts.date(date);
    }

    /** "47 (July 2024, provisional)", as HTML. */
    public static String figure(Measure measure, MeasureFigure figure, Texts texts) {
        return texts.get(figure.provisional() ? "measures.figure.at.provisional" : "measures.figure.at",
                "figure", value(figure.value(), measure.unit(), figure.atLeast(), texts),
                "when", when(figure.asAt(), texts));
    }

    public static String latest(Measure measure, Texts texts) {
        return measure.latest().map(f -> figure(measure, f, texts)).orElseGet(() -> texts.get("measures.no.figure"));
    }

    /** The targets still ahead (all of them once every date is past), as HTML; empty when there are none. */
    public static Optional<String> targets(Measure measure, LocalDate today, Texts texts) {
        List<MeasureTarget> targets = measure.targetsFrom(today);
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<String> improvingDates = new ArrayList<>();
        for (MeasureTarget target : targets) {
            if (target.improvingTrend()) {
                improvingDates.add(when(target.dueBy(), texts));
            } else {
                parts.add(texts.get("measures.target.figure", "figure", value(target.figure().orElseThrow(),
                        measure.unit(), false, texts), "when", when(target.dueBy(), texts)));
            }
        }
        if (!improvingDates.isEmpty()) {
            parts.add(0, texts.get("measures.target.improving", "dates",
                    String.join(texts.get("measures.and"), improvingDates)));
        }
        return Optional.of(String.join("; ", parts));
    }

    /** "• Full Council Members: 47 (July 2024, provisional); target: an improving trend by …". */
    public static String line(Measure measure, String name, LocalDate today, Texts texts) {
        String target = targets(measure, today, texts).map(t -> texts.get("measures.line.target", "target",
                Html.trusted(t))).orElse("");
        return texts.get("measures.line", "name", name, "figure", Html.trusted(latest(measure, texts)),
                "target", Html.trusted(target));
    }

    /** Every measure under its objective, each with its latest figure and target, as HTML. */
    public String overview(List<Measure> measures, LocalDate today, Texts texts) {
        if (measures.isEmpty()) {
            return texts.get("measures.none");
        }
        Optional<YearSoFar.Figures> counted = soFar.now();
        boolean anyCounted = false;
        StringBuilder text = new StringBuilder(texts.get("measures.heading"));
        Map<String, List<Measure>> byObjective = measures.stream().collect(Collectors.groupingBy(
                m -> m.planCode().orElse("") + "\u0000" + m.objectiveCode().orElse(""),
                java.util.LinkedHashMap::new, Collectors.toList()));
        for (List<Measure> group : byObjective.values()) {
            text.append("\n");
            objectiveHeading(group.get(0)).ifPresent(h -> text.append("\n").append(texts.get("measures.objective",
                    "code", h.code(), "title", h.title())));
            for (Measure measure : group) {
                text.append("\n").append(line(measure, name(measure, texts), today, texts));
                Optional<String> brief = counted.flatMap(c -> c.brief(measure, texts));
                brief.ifPresent(text::append);
                anyCounted |= brief.isPresent();
            }
        }
        if (anyCounted) {
            text.append("\n\n").append(texts.get("measures.so.far.legend", "since",
                    texts.date(counted.get().since())));
        }
        return text.toString();
    }

    /** The objective a measure belongs to, when the plan still has it. */
    public Optional<Objective> objectiveHeading(Measure measure) {
        if (measure.planCode().isEmpty() || measure.objectiveCode().isEmpty()) {
            return Optional.empty();
        }
        return plans.objectives(measure.planCode().get()).stream()
                .filter(o -> o.code().equals(measure.objectiveCode().get())).findFirst();
    }

    /** Where a measure comes from: the plan and objective when known. */
    public String source(Measure measure, Texts texts) {
        Optional<String> plan = measure.planCode().flatMap(plans::plan).map(p -> p.title(texts.language().code()));
        if (plan.isPresent() && measure.objectiveCode().isPresent()) {
            return texts.get("measures.source", "plan", plan.get(), "objective", measure.objectiveCode().get());
        }
        return texts.get("measures.source.plain");
    }
}
