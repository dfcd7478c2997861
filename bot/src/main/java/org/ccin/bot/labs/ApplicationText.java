package org.ccin.bot.labs;

import java.util.ArrayList;
import java.util.List;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.Round;
import org.ccin.store.members.Member;
import org.ccin.store.organisations.Organisation;

/**
 * An application as people read it: a heading (round, organisation, status) and each question with its whole answer.
 * In chat it is split into messages that fit Telegram's 4,096 characters, an answer of any length across as many as
 * it needs; the export takes the same sections as plain text.
 */
final class ApplicationText {
    /**
     * Characters of an answer per message piece, counted escaped (an answer dense in &amp; &lt; &gt; grows up to five
     * times when escaped), so a piece with its heading stays inside Telegram's 4,096 however it is written.
     */
    static final int PIECE = 3000;
    private static final int MESSAGE = 3600;

    private final LabRecords records;
    private final RoundWords words;

    ApplicationText(LabRecords records, RoundWords words) {
        this.records = records;
        this.words = words;
    }

    /** A section of an application: its heading and its text, plain. */
    record Section(String heading, String text) {
    }

    String organisation(Application application) {
        return application.organisationId().flatMap(records.organisations()::findById).map(Organisation::name)
                .orElse("—");
    }

    String applicant(Application application) {
        return records.members().findById(application.memberId()).map(Member::firstName).orElse("—");
    }

    /** The heading lines, plain. */
    List<Section> heading(Texts texts, Round round, Application application) {
        List<Section> lines = new ArrayList<>();
        lines.add(new Section(texts.plain("labs.export.round"), words.name(texts, round)));
        lines.add(new Section(texts.plain("labs.export.organisation"), organisation(application)));
        lines.add(new Section(texts.plain("labs.export.applicant"), applicant(application)));
        lines.add(new Section(texts.plain("labs.export.status"), texts.plain("labs.status." + application.status())
                + application.awarded().map(a -> " " + Amounts.format(a)).orElse("")));
        application.submittedAt().ifPresent(at -> lines.add(new Section(texts.plain("labs.export.submitted"),
                words.when(texts, at))));
        return lines;
    }

    /** Every question in order with its answer (a placeholder when unanswered), plain. */
    List<Section> answers(Texts texts, Round round, Application application) {
        List<Section> sections = new ArrayList<>();
        List<String> questions = round.questions();
        for (int i = 0; i < questions.size(); i++) {
            Question question = new Question(questions.get(i));
            String answer = application.answer(question.code()).map(a -> question.kind() == Question.Kind.AMOUNT
                    ? Amounts.format(Long.parseLong(a)) : a).orElse(texts.plain("labs.answer.none"));
            sections.add(new Section((i + 1) + ". " + Html.strip(question.title(texts)), answer));
        }
        return sections;
    }

    /** The whole application as chat messages (HTML), in order. */
    List<String> messages(Texts texts, Round round, Application application) {
        List<String> blocks = new ArrayList<>();
        StringBuilder head = new StringBuilder("<b>" + Html.escape(words.name(texts, round)) + "</b>");
        List<Section> lines = heading(texts, round, application);
        for (Section line : lines.subList(1, lines.size())) {
            head.append('\n').append(Html.escape(line.heading())).append(": ").append(Html.escape(line.text()));
        }
        blocks.add(head.toString());
        for (Section section : answers(texts, round, application)) {
            String heading = "<b>" + Html.escape(section.heading()) + "</b>\n";
            List<String> pieces = escapedPieces(section.text(), PIECE);
            // a long question of staff's own goes alone, so that it and its answer's first piece never overflow
            boolean first = heading.length() + pieces.get(0).length() <= MESSAGE;
            if (!first) {
                blocks.add(heading.strip());
            }
            for (String piece : pieces) {
                blocks.add((first ? heading : "") + piece);
                first = false;
            }
        }
        List<String> messages = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String block : blocks) {
            if (current.length() > 0 && current.length() + block.length() + 2 > MESSAGE) {
                messages.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append("\n\n");
            }
            current.append(block);
        }
        messages.add(current.toString());
        return messages;
    }

    /**
     * The text escaped for HTML, cut into pieces of at most {@code max} escaped characters: never inside an entity
     * or between the two halves of a character outside the basic plane. At least one piece, empty for empty text.
     */
    static List<String> escapedPieces(String text, int max) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int at = 0; at < text.length(); ) {
            int codePoint = text.codePointAt(at);
            String escaped = Html.escape(new String(Character.toChars(codePoint)));
            if (piece.length() > 0 && piece.length() + escaped.length() > max) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(escaped);
            at += Character.charCount(codePoint);
        }
        if (piece.length() > 0 || pieces.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
