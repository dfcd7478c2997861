package org.ccin.bot.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import java.util.Arrays;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.measures.MeasureLines;
import org.ccin.bot.measures.YearSoFar;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureRepository;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.measures.MeasureUnit;
import org.ccin.store.dashboard.WebLogins;

/**
 * The dashboard's measures: one table of every measure's figure at each date against its targets, a chart per
 * measure drawn by Chart.js from its data table (a lighter column is a target figure), and a CSV download in the
 * import format, so that staff can correct it in a spreadsheet and import it again. Staff only (the dashboard's
 * session).
 */
final class MeasurePages implements WebRoutes {
    /** The download's columns: those of the measures import (data/README.md). */
    static final List<String> CSV_COLUMNS = List.of("measure", "name", "nameCy", "unit", "plan", "objective", "note",
            "noteCy", "asAt", "figure", "provisional", "target");

    private final MeasureRepository measures;
    private final MeasureLines lines;
    private final Messages messages;
    private final StaffSessions sessions;
    private final Clock clock;
    private final ZoneId zone;

    MeasurePages(MeasureRepository measures, MeasureLines lines, Messages messages, StaffSessions sessions,
                 Clock clock, ZoneId zone) {
        this.measures = measures;
        this.lines = lines;
        this.messages = messages;
        this.sessions = sessions;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/dashboard/measures", this::page);
        routes.get("/dashboard/measures.csv", this::csv);
    }

    private void page(Context ctx) {
        Words w = new Words(messages.in(Pages.language(ctx)));
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (session.isEmpty()) {
            throw Refusal.Unauthorized.page(MessageView.page(w, w.t("web.login.needed")));
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Measure> all = measures.all();
        TreeSet<LocalDate> dates = new TreeSet<>();
        all.forEach(m -> m.figures().forEach(f -> dates.add(f.asAt())));
        List<String> headings = dates.stream().map(d -> MeasureLines.when(d, w.texts())).toList();
        // the bot's own count of the measure year so far, as a column only once it counted anything
        Optional<YearSoFar.Figures> counted = this.lines.yearSoFar().filter(YearSoFar.Figures::anything);
        String soFarHeading = counted.map(c -> w.t("web.measures.column.so.far", "since", w.texts().date(c.since())))
                .orElse("");
        List<MeasuresView.Line> lines = new ArrayList<>();
        List<ChartData> charts = new ArrayList<>();
        for (Measure measure : all) {
            List<String> cells = new ArrayList<>();
            for (LocalDate date : dates) {
                cells.add(measure.figures().stream().filter(f -> f.asAt().equals(date)).findFirst()
                        .map(f -> MeasureLines.value(f.value(), measure.unit(), f.atLeast(), w.texts())
                                + (f.provisional() ? "*" : "")).orElse(""));
            }
            String target = MeasureLines.targets(measure, today, w.texts()).map(Html::strip).orElse("");
            String soFar = counted.flatMap(c -> c.value(measure, w.texts())).orElse("");
            lines.add(new MeasuresView.Line(measure.code(), label(measure, w.texts()), cells, soFar, target));
            charts.add(chart(measure, w));
        }
        Pages.send(ctx, 200, Templates.render("dashboard/measures.jte", new MeasuresView(w, session.get().csrf(),
                headings, soFarHeading, lines, charts)));
    }

    /** A measure's figures by date beside its target figures (an improving trend has none to draw). */
    private ChartData chart(Measure measure, Words w) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        measure.figures().forEach(f -> dates.add(f.asAt()));
        measure.targets().stream().filter(t -> t.figure().isPresent()).forEach(t -> dates.add(t.dueBy()));
        List<ChartData.Row> rows = new ArrayList<>();
        for (LocalDate date : dates) {
            Optional<MeasureFigure> figure = measure.figures().stream().filter(f -> f.asAt().equals(date)).findFirst();
            Optional<Double> target = measure.targets().stream().filter(t -> t.dueBy().equals(date))
                    .flatMap(t -> t.figure().stream()).findFirst();
            rows.add(new ChartData.Row(MeasureLines.when(date, w.texts())
                    + (figure.filter(MeasureFigure::provisional).isPresent() ? "*" : ""),
                    Arrays.asList(figure.map(MeasureFigure::value).orElse(null), target.orElse(null))));
        }
        return new ChartData("measure-" + measure.code(), label(measure, w.texts()),
                w.t("web.measures.column.as.at"), ChartData.Shape.COLUMNS, false,
                List.of(new ChartData.Series(w.t("web.measures.figure"), "#1a5fb4"),
                        new ChartData.Series(w.t("web.measures.column.target"), "#8fb3e3")),
                rows, w.t("web.measures.no.figures"));
    }

    /** The name, with the objective's title when the measure belongs to one ("Full Council Members" is in two). */
    private String label(Measure measure, Texts texts) {
        String name = MeasureLines.name(measure, texts);
        return lines.objectiveHeading(measure).map(o -> name + " (" + o.code() + ". " + o.title() + ")").orElse(name);
    }

    private void csv(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (sessions.of(ctx).isEmpty()) {
            throw Refusal.Unauthorized.text(texts.plain("web.login.needed"));
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord(CSV_COLUMNS);
            for (Measure measure : measures.all()) {
                boolean first = true;
                for (Row row : rows(measure)) {
                    printer.printRecord(measure.code(), first ? AuditPages.cell(measure.nameEn()) : "",
                            first ? AuditPages.cell(measure.nameCy()) : "",
                            first ? measure.unit().code() : "", first ? measure.planCode().orElse("") : "",
                            first ? measure.objectiveCode().orElse("") : "",
                            first ? AuditPages.cell(measure.noteEn()) : "",
                            first ? AuditPages.cell(measure.noteCy()) : "", row.asAt(), row.figure(), row.provisional(),
                            row.target());
                    first = false;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/csv; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"measures.csv\"").result(out.toString());
    }

    /** One CSV row: a date with its figure and/or target, as the import reads them. */
    private record Row(String asAt, String figure, String provisional, String target) {
    }

    private static List<Row> rows(Measure measure) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        measure.figures().forEach(f -> dates.add(f.asAt()));
        measure.targets().forEach(t -> dates.add(t.dueBy()));
        List<Row> rows = new ArrayList<>();
        for (LocalDate date : dates) {
            Optional<MeasureFigure> figure = measure.figures().stream().filter(f -> f.asAt().equals(date)).findFirst();
            Optional<MeasureTarget> target = measure.targets().stream().filter(t -> t.dueBy().equals(date)).findFirst();
            rows.add(new Row(date(date), figure.map(f -> (f.atLeast() ? "over " : "") + number(f.value(),
                    measure.unit())).orElse(""), figure.filter(MeasureFigure::provisional).map(f -> "yes").orElse(""),
                    target.map(t -> t.figure().map(v -> number(v, measure.unit())).orElse("improving")).orElse("")));
        }
        if (rows.isEmpty()) {
            rows.add(new Row("", "", "", ""));
        }
        return rows;
    }

    /** A month's last day as 2024-07, as the import reads it back; another day in full. */
    private static String date(LocalDate date) {
        return date.getDayOfMonth() == date.lengthOfMonth() ? date.format(DateTimeFormatter.ofPattern("uuuu-MM"))
                : date.toString();
    }

    private static String number(double value, MeasureUnit unit) {
        String number = value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        return unit == MeasureUnit.PERCENT ? number + "%" : number;
    }
}
