package org.ccin.bot.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.TextHandler;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureFigure;
import org.ccin.store.measures.MeasureRepository;

/**
 * Answers a {@link MeasureQuestion} with the figure first ("Full Council Members: 47 (July 2024, provisional), up from
 * 45 (July 2023); target: an improving trend by July 2025 and July 2026"), then the earlier figures and the source.
 * Asked before the plan and the library, it answers only what it recognises and leaves the rest to them.
 */
final class MeasureAnswers implements TextHandler {
    private final MeasureRepository measures;
    private final MeasureLines lines;
    private final Clock clock;
    private final ZoneId zone;

    MeasureAnswers(MeasureRepository measures, MeasureLines lines, Clock clock, ZoneId zone) {
        this.measures = measures;
        this.lines = lines;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public boolean handle(Context context) {
        Optional<String> answer = answer(context.incoming().text().orElse(""), context.texts());
        answer.ifPresent(html -> context.reply().send(html));
        return answer.isPresent();
    }

    /** The answer as HTML, or empty when the text is not a question about the measures. */
    public Optional<String> answer(String text, Texts texts) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Optional<MeasureQuestion> parsed = MeasureQuestion.parse(text, measures::all, today);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        MeasureQuestion question = parsed.get();
        if (question.everyMeasure()) {
            return Optional.of(lines.overview(measures.all(), today, texts));
        }
        List<Measure> asked = question.measures();
        if (asked.stream().map(m -> MeasureLines.name(m, texts)).distinct().count() == 1) {
            // the strategy repeats "Full Council Members" under two objectives: answer the first, cite the other
            return Optional.of(single(asked.get(0), asked.subList(1, asked.size()), question, today, texts));
        }
        StringBuilder html = new StringBuilder(texts.get("measures.answer.several"));
        for (Measure measure : question.measures()) {
            html.append("\n").append(MeasureLines.line(measure, label(measure, question.measures(), texts), today,
                    texts));
            question.year().ifPresent(year -> measure.figureIn(year).ifPresent(f -> html.append(" · ")
                    .append(texts.get("measures.answer.in.year", "year", year, "figure",
                            Html.trusted(MeasureLines.figure(measure, f, texts))))));
        }
        html.append("\n\n").append(texts.get("measures.more"));
        return Optional.of(html.toString());
    }

    private String single(Measure measure, List<Measure> sameName, MeasureQuestion question, LocalDate today,
                          Texts texts) {
        String name = MeasureLines.name(measure, texts);
        String latest = MeasureLines.latest(measure, texts);
        Optional<String> targets = MeasureLines.targets(measure, today, texts);
        StringJoiner html = new StringJoiner("\n");
        if (question.year().isPresent()) {
            int year = question.year().get();
            Optional<MeasureFigure> inYear = measure.figureIn(year);
            if (inYear.isPresent()) {
                html.add(texts.get("measures.answer.year", "name", name, "year", year,
                        "figure", Html.trusted(MeasureLines.figure(measure, inYear.get(), texts))));
                if (!measure.latest().equals(inYear)) {
                    html.add(texts.get("measures.answer.latest.also", "figure", Html.trusted(latest)));
                }
            } else {
                html.add(texts.get("measures.answer.year.none", "name", name, "year", year,
                        "figures", Html.trusted(history(measure, measure.figures(), texts))));
            }
            targets.ifPresent(t -> html.add(texts.get("measures.line.target", "target", Html.trusted(t))
                    .replaceFirst("^; ", "")));
        } else if (question.ask() == MeasureQuestion.Ask.TARGETS) {
            html.add(targets.map(t -> texts.get("measures.answer.targets", "name", name, "target", Html.trusted(t),
                    "figure", Html.trusted(latest))).orElseGet(() -> texts.get("measures.answer.no.target",
                    "name", name, "figure", Html.trusted(latest))));
        } else {
            html.add(texts.get("measures.answer.latest", "name", name, "figure", Html.trusted(latest),
                    "trend", Html.trusted(trend(measure, texts)), "target", Html.trusted(targets.map(t -> texts.get(
                            "measures.line.target", "target", Html.trusted(t))).orElse(""))));
            List<MeasureFigure> earlier = measure.figures().size() < 2 ? List.of()
                    : measure.figures().subList(0, measure.figures().size() - 1);
            if (!earlier.isEmpty()) {
                html.add(texts.get("measures.answer.earlier", "figures", Html.trusted(history(measure, earlier,
                        texts))));
            }
        }
        for (Measure other : sameName) {
            Optional<MeasureFigure> figure = question.year().flatMap(other::figureIn).or(other::latest);
            if (figure.isPresent() && other.objectiveCode().isPresent()) {
                html.add(texts.get("measures.answer.also", "objective", other.objectiveCode().get(),
                        "figure", Html.trusted(MeasureLines.figure(other, figure.get(), texts))));
            }
        }
        lines.yearSoFar().flatMap(counted -> counted.sentence(measure, texts)).ifPresent(html::add);
        String note = MeasureLines.note(measure, texts);
        if (!note.isEmpty()) {
            html.add("<i>" + Html.escape(note) + "</i>");
        }
        html.add("");
        html.add(lines.source(measure, texts));
        return html.toString();
    }

    /** ", up from 45 (July 2023)": which way the measure went since the figure before. */
    private static String trend(Measure measure, Texts texts) {
        Optional<MeasureFigure> latest = measure.latest();
        Optional<MeasureFigure> previous = measure.previous();
        if (latest.isEmpty() || previous.isEmpty() || latest.get().atLeast() || previous.get().atLeast()) {
            return "";
        }
        double change = latest.get().value() - previous.get().value();
        String key = change > 0 ? "measures.trend.up" : change < 0 ? "measures.trend.down" : "measures.trend.same";
        return ", " + texts.get(key, "figure", Html.trusted(MeasureLines.figure(measure, previous.get(), texts)));
    }

    /** Newest first: "45 (July 2023), 34 (July 2022), 33 (July 2021)". */
    private static String history(Measure measure, List<MeasureFigure> figures, Texts texts) {
        List<String> parts = new ArrayList<>();
        for (int i = figures.size() - 1; i >= 0; i--) {
            parts.add(MeasureLines.figure(measure, figures.get(i), texts));
        }
        return String.join(", ", parts);
    }

    /** The name, and the objective too when another measure in the answer has the same name. */
    private static String label(Measure measure, List<Measure> shown, Texts texts) {
        String name = MeasureLines.name(measure, texts);
        boolean shared = shown.stream().anyMatch(m -> m != measure && MeasureLines.name(m, texts).equals(name));
        if (shared && measure.objectiveCode().isPresent()) {
            return texts.plain("measures.in.objective", "name", name, "objective", measure.objectiveCode().get());
        }
        return name;
    }
}
