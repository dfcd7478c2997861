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
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.measures.MeasureLines;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureRepository;
import org.ccin.store.measures.MeasureTarget;
import org.ccin.store.measures.MeasureUnit;
import org.ccin.store.dashboard.WebLogins;

/**
 * The dashboard's measures: one table of every measure's figure at each date against its targets, a bar chart per
 * measure (a lighter bar is a target figure), and a CSV download in the import format, so that staff can correct it
 * in a spreadsheet and import it again. Staff only (the dashboard's session).
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
        Language language = Pages.language(ctx);
        Texts texts = messages.in(language);
        String title = texts.get("web.measures.title");
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (session.isEmpty()) {
            Pages.send(ctx, 401, Pages.page(language, title, "<div class=\"message\"><h1>" + title + "</h1><p>"
                    + texts.get("web.login.needed") + "</p></div>", List.of()));
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Measure> all = measures.all();
        StringBuilder html = new StringBuilder("<header class=\"top\"><h1>").append(title)
                .append("</h1><nav class=\"tools\"><a href=\"/dashboard?lang=").append(language.code()).append("\">")
                .append(texts.get("web.dashboard.title")).append("</a><form class=\"inline\" method=\"post\" "
                        + "action=\"/dashboard/logout\"><input type=\"hidden\" name=\"csrf\" value=\"")
                .append(Html.escape(session.get().csrf())).append("\"><button type=\"submit\" id=\"logout\">")
                .append(texts.get("web.logout")).append("</button></form></nav></header><main>");
        if (all.isEmpty()) {
            html.append("<section class=\"card\"><p class=\"note\" id=\"empty\">").append(texts.get("web.measures.none"))
                    .append("</p></section></main>");
            Pages.send(ctx, 200, Pages.page(language, title, html.toString(), List.of()));
            return;
        }
        html.append("<section class=\"card\"><p>").append(texts.get("web.measures.intro"))
                .append(" <a id=\"csv\" href=\"/dashboard/measures.csv?lang=").append(language.code()).append("\">")
                .append(texts.get("web.measures.csv")).append("</a></p>");
        table(html, all, today, texts);
        html.append("</section><div class=\"charts\">");
        for (Measure measure : all) {
            String name = label(measure, texts);
            String svg = SvgCharts.bars(name, bars(measure, texts));
            html.append("<section class=\"card\" data-measure=\"").append(Html.escape(measure.code()))
                    .append("\"><h2>").append(Html.escape(name)).append("</h2><p class=\"note\">")
                    .append(texts.get("web.measures.chart")).append("</p>")
                    .append(svg.isEmpty() ? "<p class=\"note\">-</p>" : svg).append("</section>");
        }
        html.append("</div></main>");
        Pages.send(ctx, 200, Pages.page(language, title, html.toString(), List.of()));
    }

    /** Measures down, dates across (every date any measure has a figure for), the targets last. */
    private void table(StringBuilder html, List<Measure> all, LocalDate today, Texts texts) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        all.forEach(m -> m.figures().forEach(f -> dates.add(f.asAt())));
        html.append("<div class=\"scroll\"><table class=\"figures\" id=\"measures\"><tr><th>")
                .append(texts.get("web.measures.column.measure")).append("</th>");
        for (LocalDate date : dates) {
            html.append("<th>").append(Html.escape(MeasureLines.when(date, texts))).append("</th>");
        }
        html.append("<th>").append(texts.get("web.measures.column.target")).append("</th></tr>");
        for (Measure measure : all) {
            html.append("<tr data-measure=\"").append(Html.escape(measure.code())).append("\"><td>")
                    .append(Html.escape(label(measure, texts))).append("</td>");
            for (LocalDate date : dates) {
                Optional<MeasureFigure> figure = measure.figures().stream().filter(f -> f.asAt().equals(date))
                        .findFirst();
                html.append("<td>").append(figure.map(f -> Html.escape(MeasureLines.value(f.value(), measure.unit(),
                        f.atLeast(), texts)) + (f.provisional() ? "*" : "")).orElse("")).append("</td>");
            }
            html.append("<td>").append(MeasureLines.targets(measure, today, texts).orElse("")).append("</td></tr>");
        }
        html.append("</table></div>");
    }

    private static List<SvgCharts.Bar> bars(Measure measure, Texts texts) {
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (MeasureFigure figure : measure.figures()) {
            bars.add(new SvgCharts.Bar(MeasureLines.when(figure.asAt(), texts) + (figure.provisional() ? "*" : ""),
                    (int) Math.round(figure.value())));
        }
        for (MeasureTarget target : measure.targets()) {
            target.figure().ifPresent(value -> bars.add(new SvgCharts.Bar(texts.plain("web.measures.column.target")
                    + " " + MeasureLines.when(target.dueBy(), texts), (int) Math.round(value), "bar2")));
        }
        return bars;
    }

    /** The name, with the objective's title when the measure belongs to one ("Full Council Members" is in two). */
    private String label(Measure measure, Texts texts) {
        String name = MeasureLines.name(measure, texts);
        return lines.objectiveHeading(measure).map(o -> name + " (" + o.code() + ". " + o.title() + ")").orElse(name);
    }

    private void csv(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (sessions.of(ctx).isEmpty()) {
            ctx.status(401).contentType("text/plain; charset=utf-8").result(texts.plain("web.login.needed"));
            return;
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
