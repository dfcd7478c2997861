package org.ccin.bot.dashboard;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.web.Words;

/**
 * What /plan shows, as plain values for its template (plan/board.jte), which escapes every one of them: the plan,
 * the legend of lights, and each objective with its actions.
 */
public record PlanView(Words w, String title, String source, String otherLanguage, List<Light> legend,
                       List<ObjectiveView> objectives) {

    /** A traffic light: its CSS class and its name in words. */
    public record Light(String cssClass, String name) {
    }

    public record ObjectiveView(String code, String title, String counts, List<ActionView> actions) {
    }

    /**
     * An action: its light, code, text and state in words; since when it is overdue (ISO date and words), its leads,
     * milestones, latest note and the others, and when its progress was last updated.
     */
    public record ActionView(String code, String text, Light light, String progress, Optional<Overdue> overdue,
                             Optional<String> leads, List<MilestoneView> milestones, Optional<NoteView> latest,
                             List<NoteView> history, String historyTitle, Optional<String> updated) {
    }

    public record Overdue(String since, String words) {
    }

    public record MilestoneView(String label, boolean done) {
    }

    public record NoteView(String by, String text) {
    }
}
