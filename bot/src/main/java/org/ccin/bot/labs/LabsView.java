package org.ccin.bot.labs;

import java.util.List;
import org.ccin.bot.web.Words;

/**
 * What the dashboard's rounds page shows: each round with its budget left and its submissions, or one application
 * in full. Immutable; every value is escaped by the template.
 */
public record LabsView(Words w, List<RoundRow> rounds, Detail detail) {
    /** A round and its submissions. */
    public record RoundRow(String name, String budget, String left, String max, String closes,
                           List<SubmissionRow> submissions, int drafts) {
    }

    /** One submission: where it is, what was asked, and its page and PDF. */
    public record SubmissionRow(String id, String organisation, String status, String asked, String score,
                                String href, String pdfHref) {
    }

    /** A heading and its text. */
    public record Part(String heading, String text) {
    }

    /** One application in full; absent (empty title) on the list page. */
    public record Detail(String title, List<Part> heading, List<Part> answers, String pdfHref) {
        public boolean present() {
            return !title.isEmpty();
        }
    }
}
