package org.ccin.bot.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.dashboard.ChartData.Row;
import org.ccin.bot.dashboard.ChartData.Series;
import org.ccin.bot.dashboard.ChartData.Shape;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.measures.MeasureLines;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.web.Words;
import org.ccin.store.dashboard.Figures;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureRepository;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.plan.Progress;

/**
 * The dashboard's sections for a period of weeks, from the store's figures, in the reader's words: members and
 * organisations, engagement per member council, groups, newsletters, reminders, the plan, the strategy's measures and
 * the audit log. Totals (members by category, measures) are as they stand today; the rest count the period.
 */
final class DashboardSections {
    static final List<Integer> PERIODS = List.of(4, 12, 52);
    static final int DEFAULT_WEEKS = 12;

    /** The page's colours (those of site.css): blue, light blue, orange, teal, purple; and the traffic lights. */
    private static final List<String> PALETTE = List.of("#1a5fb4", "#8fb3e3", "#c35a00", "#00796b", "#6a3d9a");
    private static final Map<Progress, String> LIGHTS = new EnumMap<>(Map.of(Progress.NOT_STARTED, "#8a939e",
            Progress.ON_TRACK, "#1e8e3e", Progress.AT_RISK, "#d99100", Progress.BLOCKED, "#c5221f",
            Progress.COMPLETE, "#1a5fb4"));

    private final Figures figures;
    private final PlanRepository plans;
    private final MeasureRepository measures;
    private final MeasureLines measureLines;
    private final NewsletterTopics topics;
    private final Clock clock;
    private final ZoneId zone;

    DashboardSections(Figures figures, PlanRepository plans, MeasureRepository measures, MeasureLines measureLines,
                      NewsletterTopics topics, Clock clock, ZoneId zone) {
        this.figures = figures;
        this.plans = plans;
        this.measures = measures;
        this.measureLines = measureLines;
        this.topics = topics;
        this.clock = clock;
        this.zone = zone;
    }

    List<Section> all(Words w, int weeks) {
        Instant from = figures.periodStart(weeks, zone);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return List.of(members(w, figures, weeks), engagement(w, figures, from), groups(w, figures, from, weeks),
                newsletters(w, figures, from, weeks), reminders(w, figures, weeks, today), plan(w, figures, weeks, today),
                measures(w, today), audit(w));
    }

    /** "Progress: not started" and the like, in the reader's words (never NOT_STARTED). */
    static String progressName(Progress progress, Words w) {
        return w.t("web.progress." + progress.name().toLowerCase(Locale.ROOT));
    }

    /**
     * A week by its Monday: "3 Nov"; with the year over 52 weeks, where the same day comes round again. Dates are
     * worded by the request's {@code Texts} (its language found once, by the page), not by a locale of their own.
     */
    private static String week(String monday, Words w, int weeks) {
        LocalDate day = LocalDate.parse(monday);
        return weeks > 12 ? w.texts().shortDate(day) : w.texts().dayMonth(day);
    }

    private static String day(LocalDate day, Words w) {
        return w.texts().shortDate(day);
    }

    private Section members(Words w, Figures figures, int weeks) {
        String lang = w.lang();
        List<Series> both = List.of(new Series(w.t("web.dash.series.members"), PALETTE.get(0)),
                new Series(w.t("web.dash.series.organisations"), PALETTE.get(1)));
        ChartData categories = new ChartData("members-by-category", w.t("web.dash.chart.categories"),
                w.t("web.dash.column.category"), Shape.BARS, false, both,
                pairs(figures.membersByCategory(lang), figures.organisationsByCategory(lang), w),
                w.t("web.dash.empty.members"));
        ChartData regions = new ChartData("members-by-region", w.t("web.dash.chart.regions"),
                w.t("web.dash.column.region"), Shape.BARS, false, both,
                pairs(figures.membersByRegion(lang), figures.organisationsByRegion(lang), w),
                w.t("web.dash.empty.members"));
        List<Row> newPerWeek = figures.registrationsPerWeek(weeks, zone).stream()
                .map(c -> new Row(week(c.label(), w, weeks), List.<Number>of(c.count()))).toList();
        ChartData registrations = new ChartData("new-members", w.t("web.dash.chart.new.members", "weeks", weeks),
                w.t("web.dash.column.week"), Shape.COLUMNS, false,
                List.of(new Series(w.t("web.dash.series.new.members"), PALETTE.get(0))), newPerWeek,
                w.t("web.dash.empty.new.members", "weeks", weeks));
        List<Row> organisationsPerWeek = figures.organisationsPerWeek(weeks, zone).stream()
                .map(c -> new Row(week(c.label(), w, weeks), List.<Number>of(c.count()))).toList();
        ChartData organisations = new ChartData("new-organisations",
                w.t("web.dash.chart.new.organisations", "weeks", weeks), w.t("web.dash.column.week"), Shape.COLUMNS,
                false, List.of(new Series(w.t("web.dash.series.new.organisations"), PALETTE.get(1))),
                organisationsPerWeek, emptyIn(Figures.Before.ORGANISATIONS, figures.periodStart(weeks, zone), weeks,
                        "web.dash.empty.new.organisations", w));
        return new Section("members", w.t("web.dash.section.members"), w.t("web.dash.intro.members"),
                List.of(categories, regions, registrations, organisations));
    }

    /** Members and organisations per label, in the members' order, then labels with organisations only. */
    private static List<Row> pairs(List<Figures.Count> members, List<Figures.Count> organisations, Words w) {
        Map<String, Number[]> rows = new LinkedHashMap<>();
        String notGiven = w.t("web.dash.not.given");
        members.forEach(c -> rows.computeIfAbsent(given(c.label(), notGiven), k -> new Number[] {0, 0})[0] = c.count());
        organisations.forEach(c -> rows.computeIfAbsent(given(c.label(), notGiven), k -> new Number[] {0, 0})[1]
                = c.count());
        return rows.entrySet().stream().map(e -> new Row(e.getKey(), List.of(e.getValue()))).toList();
    }

    /** The store's "-" for a member or organisation that gave no category or region, in words. */
    private static String given(String label, String notGiven) {
        return "-".equals(label) ? notGiven : label;
    }

    private Section engagement(Words w, Figures figures, Instant from) {
        List<Row> rows = figures.engagement(from).stream().map(e -> new Row(e.organisation(),
                List.<Number>of(e.members(), e.groupsJoined(), e.newsletterTaps(), e.remindersAnswered()))).toList();
        ChartData chart = new ChartData("engagement", w.t("web.dash.chart.engagement"),
                w.t("web.dash.column.organisation"), Shape.BARS, false,
                List.of(new Series(w.t("web.dash.series.registered"), PALETTE.get(0)),
                        new Series(w.t("web.dash.series.groups.joined"), PALETTE.get(1)),
                        new Series(w.t("web.dash.series.taps"), PALETTE.get(2)),
                        new Series(w.t("web.dash.series.answered"), PALETTE.get(3))),
                rows, w.t("web.dash.empty.engagement"));
        // Telegram tells a bot nothing of who opened a message: the page says so rather than leave "opens" unexplained
        return new Section("engagement", w.t("web.dash.section.engagement"), w.t("web.dash.intro.engagement"),
                List.of(chart)).withLines(List.of(w.t("web.dash.engagement.opens")));
    }

    /**
     * What an empty chart says: that nothing happened in the last weeks and a longer period shows earlier ones when
     * something happened before the period (the key + ".period"); else the key's "nothing yet, here is how to start".
     */
    private String emptyIn(Figures.Before what, Instant from, int weeks, String key, Words w) {
        return figures.anyBefore(what, from, zone) ? w.t(key + ".period", "weeks", weeks) : w.t(key);
    }

    private Section groups(Words w, Figures figures, Instant from, int weeks) {
        List<Row> rows = figures.groupMovements(from).stream().map(g -> new Row(g.title(w.lang()),
                List.<Number>of(g.signUps(), g.leaves(), g.removals(), g.pending()))).toList();
        ChartData chart = new ChartData("groups", w.t("web.dash.chart.groups"), w.t("web.dash.column.group"),
                Shape.BARS, false,
                List.of(new Series(w.t("web.dash.series.signups"), PALETTE.get(0)),
                        new Series(w.t("web.dash.series.leaves"), PALETTE.get(1)),
                        new Series(w.t("web.dash.series.removals"), PALETTE.get(2)),
                        new Series(w.t("web.dash.series.pending"), PALETTE.get(3))),
                rows, emptyIn(Figures.Before.GROUP_MOVEMENTS, from, weeks, "web.dash.empty.groups", w));
        return new Section("groups", w.t("web.dash.section.groups"), w.t("web.dash.intro.groups"), List.of(chart));
    }

    private Section newsletters(Words w, Figures figures, Instant from, int weeks) {
        List<Row> issues = figures.newsletterIssues(from).stream().map(i -> new Row(w.t("web.dash.issue", "title",
                i.title(), "date", day(i.startedAt().atZone(zone).toLocalDate(), w)), List.<Number>of(i.recipients(),
                i.delivered(), i.blocked(), i.unsubscribes(), i.taps()))).toList();
        ChartData reach = new ChartData("newsletters", w.t("web.dash.chart.newsletters"), w.t("web.dash.column.issue"),
                Shape.BARS, false,
                List.of(new Series(w.t("web.dash.series.reach"), PALETTE.get(1)),
                        new Series(w.t("web.dash.series.delivered"), PALETTE.get(0)),
                        new Series(w.t("web.dash.series.blocked"), PALETTE.get(2)),
                        new Series(w.t("web.dash.series.unsubscribes"), PALETTE.get(4)),
                        new Series(w.t("web.dash.series.button.taps"), PALETTE.get(3))),
                issues, emptyIn(Figures.Before.NEWSLETTERS, from, weeks, "web.dash.empty.newsletters", w));
        List<Row> subscribers = figures.subscribersByTopic().stream().map(c -> new Row(topics.name(c.label(),
                w.texts()), List.<Number>of(c.count()))).toList();
        ChartData topicsChart = new ChartData("subscribers", w.t("web.dash.chart.subscribers"),
                w.t("web.dash.column.topic"), Shape.BARS, false,
                List.of(new Series(w.t("web.dash.series.subscribers"), PALETTE.get(0))), subscribers,
                w.t("web.dash.empty.subscribers"));
        return new Section("newsletters", w.t("web.dash.section.newsletters"), w.t("web.dash.intro.newsletters"),
                List.of(reach, topicsChart));
    }

    private Section reminders(Words w, Figures figures, int weeks, LocalDate today) {
        List<Row> rows = figures.remindersPerWeek(weeks, zone).stream().map(r -> new Row(week(r.monday().toString(), w,
                weeks), List.<Number>of(r.answered(), r.unanswered(), r.escalated()))).toList();
        ChartData chart = new ChartData("reminders", w.t("web.dash.chart.reminders", "weeks", weeks),
                w.t("web.dash.column.week"), Shape.COLUMNS, true,
                List.of(new Series(w.t("web.dash.series.answered"), LIGHTS.get(Progress.ON_TRACK)),
                        new Series(w.t("web.dash.series.unanswered"), LIGHTS.get(Progress.NOT_STARTED)),
                        new Series(w.t("web.dash.series.escalated"), LIGHTS.get(Progress.BLOCKED))),
                rows, emptyIn(Figures.Before.REMINDERS, figures.periodStart(weeks, zone), weeks,
                        "web.dash.empty.reminders", w));
        int overdue = plans.overdue(today).size();
        return new Section("reminders", w.t("web.dash.section.reminders"), w.t("web.dash.intro.reminders"),
                List.of(chart)).withLines(List.of(w.t("web.dash.overdue.now", "count", overdue)));
    }

    private Section plan(Words w, Figures figures, int weeks, LocalDate today) {
        List<Figures.Snapshot> days = figures.progressSince(today.minusWeeks(weeks));
        List<Series> lights = new ArrayList<>();
        for (Progress progress : Progress.values()) {
            lights.add(new Series(progressName(progress, w), LIGHTS.get(progress)));
        }
        List<Row> lightRows = new ArrayList<>();
        List<Row> overdueRows = new ArrayList<>();
        for (Figures.Snapshot snapshot : days) {
            List<Number> counts = new ArrayList<>();
            for (Progress progress : Progress.values()) {
                counts.add(snapshot.counts().getOrDefault(progress.name(), 0));
            }
            lightRows.add(new Row(day(snapshot.day(), w), counts));
            overdueRows.add(new Row(day(snapshot.day(), w), List.of(snapshot.overdueTotal())));
        }
        ChartData overTime = new ChartData("plan-lights", w.t("web.dash.chart.lights", "weeks", weeks),
                w.t("web.dash.column.day"), Shape.COLUMNS, true, lights, lightRows, emptyIn(Figures.Before.LIGHTS,
                        today.minusWeeks(weeks).atStartOfDay(zone).toInstant(), weeks, "web.dash.empty.lights", w));
        ChartData overdueOverTime = new ChartData("plan-overdue", w.t("web.dash.chart.overdue", "weeks", weeks),
                w.t("web.dash.column.day"), Shape.LINES, false,
                List.of(new Series(w.t("web.dash.series.overdue"), LIGHTS.get(Progress.BLOCKED))), overdueRows,
                w.t("web.dash.empty.overdue"));
        List<Action> overdue = plans.overdue(today);
        ChartData byState = new ChartData("plan-overdue-by-state", w.t("web.dash.chart.overdue.state"),
                w.t("web.dash.column.light"), Shape.BARS, false,
                List.of(new Series(w.t("web.dash.series.overdue"), LIGHTS.get(Progress.BLOCKED))),
                overdueByState(overdue, w), w.t("web.dash.empty.overdue.now"));
        List<String> lines = overdue.stream().map(a -> w.t("web.dash.overdue.action", "code", a.code(), "text",
                a.text(), "light", progressName(a.progress(), w), "date",
                a.overdueSince(today).map(w.texts()::shortDate).orElse(""))).toList();
        return new Section("plan", w.t("web.dash.section.plan"), w.t("web.dash.intro.plan"),
                List.of(overTime, overdueOverTime, byState)).withList(w.t("web.dash.overdue.list"), lines)
                .withLink(w.t("web.plan.title"), "/plan?lang=" + w.lang());
    }

    /**
     * The overdue actions now, counted per traffic light (complete actions are never overdue): the place where the
     * plan's own overdue mark (/plan) and the dashboard meet.
     */
    static List<Row> overdueByState(List<Action> overdue, Words w) {
        List<Row> rows = new ArrayList<>();
        for (Progress progress : Progress.values()) {
            if (progress != Progress.COMPLETE) {
                rows.add(new Row(progressName(progress, w), List.of(overdue.stream()
                        .filter(a -> a.progress() == progress).count())));
            }
        }
        return rows;
    }

    /**
     * Each measure's latest figure against its target. Most of the strategy's targets are an improving trend, whose
     * figure to beat is the one before the latest: the chart draws the latest figure as a share of the target figure,
     * or of the figure to beat (above 100% is improving), and a line per measure says its target in words.
     */
    private Section measures(Words w, LocalDate today) {
        List<Row> rows = new ArrayList<>();
        List<String> targetLines = new ArrayList<>();
        for (Measure measure : measures.all()) {
            Double latest = measure.latest().map(MeasureFigure::value).orElse(null);
            Double previous = measure.previous().map(MeasureFigure::value).orElse(null);
            List<MeasureTarget> ahead = measure.targetsFrom(today);
            Double target = ahead.stream().map(MeasureTarget::figure).flatMap(Optional::stream).findFirst()
                    .orElse(null);
            boolean improving = target == null && ahead.stream().anyMatch(MeasureTarget::improvingTrend);
            Double change = latest != null && previous != null && previous != 0
                    ? Math.round(1000 * (latest - previous) / previous) / 10.0 : null;
            Double toReach = target != null ? target : improving ? previous : null;
            Double share = latest != null && toReach != null && toReach > 0
                    ? Math.round(1000 * latest / toReach) / 10.0 : null;
            String name = MeasureLines.name(measure, w.texts());
            String label = measureLines.objectiveHeading(measure).map(o -> o.code() + ". " + name).orElse(name);
            rows.add(new Row(label, Arrays.asList(previous, latest, change, target, share)));
            targetLines.add(targetLine(measure, label, today, latest, previous, target, share, w));
        }
        ChartData chart = new ChartData("measures", w.t("web.dash.chart.measures"), w.t("web.measures.column.measure"),
                Shape.BARS, false,
                List.of(new Series(w.t("web.dash.series.previous"), PALETTE.get(1), false),
                        new Series(w.t("web.dash.series.latest"), PALETTE.get(1), false),
                        new Series(w.t("web.dash.series.change"), PALETTE.get(1), false),
                        new Series(w.t("web.dash.series.target"), PALETTE.get(1), false),
                        new Series(w.t("web.dash.series.share"), PALETTE.get(0))),
                rows, w.t("web.dash.empty.measures"));
        return new Section("measures", w.t("web.dash.section.measures"), w.t("web.dash.intro.measures"),
                List.of(chart)).withList(w.t("web.dash.measures.targets"), targetLines)
                .withLink(w.t("web.dash.measures.more"), "/dashboard/measures?lang=" + w.lang());
    }

    /**
     * "1. Full Council Members: target an improving trend by July 2026. Latest 47 (July 2024, provisional), up from
     * 45: improving." The strategy's words for the target, and whether the latest figure meets it so far.
     */
    private static String targetLine(Measure measure, String label, LocalDate today, Double latest, Double previous,
                                     Double target, Double share, Words w) {
        String figure = Html.strip(MeasureLines.latest(measure, w.texts()));
        Optional<String> targets = MeasureLines.targets(measure, today, w.texts()).map(Html::strip);
        if (targets.isEmpty()) {
            return w.t("web.dash.measure.no.target", "measure", label, "figure", figure);
        }
        String verdict;
        if (latest == null) {
            verdict = w.t("web.dash.measure.no.figure");
        } else if (target != null) {
            verdict = w.t("web.dash.measure.share", "share", ChartData.shown(share));
        } else if (previous == null) {
            verdict = w.t("web.dash.measure.no.trend");
        } else {
            verdict = w.t(latest > previous ? "web.dash.measure.improving" : "web.dash.measure.not.improving",
                    "before", ChartData.shown(previous));
        }
        return w.t("web.dash.measure.target", "measure", label, "target", targets.get(), "figure", figure,
                "verdict", verdict);
    }

    private static Section audit(Words w) {
        return new Section("audit", w.t("web.audit.title"), w.t("web.dash.intro.audit"), List.of())
                .withLink(w.t("web.dash.audit.more"), "/dashboard/audit?lang=" + w.lang());
    }
}
