package org.ccin.bot.labs;

import java.util.List;
import org.ccin.bot.web.Words;

/**
 * What the dashboard's rounds page shows: each round with its budget left and its submissions, or one application
 * in full with its scores, comments and their forms. {@code staff} says whether the viewer is staff (a reviewer's page
 * has no link to the staff dashboard); {@code csrf} is the session's token the forms carry. Immutable; every value is
 * escaped by the template.
 */
public record LabsView(Words w, boolean staff, String csrf, List<RoundRow> rounds, Detail detail) {
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

    /** One of the round's criteria with its scores: the average of all, how many, and the viewer's own. */
    public record CriterionRow(int index, String name, String average, int count, String mine) {
        public int number() {
            return index + 1;
        }
    }

    /** One application in full; absent (empty title) on the list page. */
    public record Detail(String title, List<Part> heading, List<Part> answers, String pdfHref,
                         List<CriterionRow> criteria, List<Part> comments, String scoreAction, String commentAction,
                         int commentMax) {
        static final Detail NONE = new Detail("", List.of(), List.of(), "", List.of(), List.of(), "", "", 0);

        public boolean present() {
            return !title.isEmpty();
        }
    }
}
