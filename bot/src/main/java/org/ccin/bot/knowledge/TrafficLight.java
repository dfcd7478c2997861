package org.ccin.bot.knowledge;

import org.ccin.bot.i18n.Texts;
import org.ccin.store.plan.Progress;

/** The plan's traffic lights: a mark and a word for each progress. */
final class TrafficLight {
    private TrafficLight() {
    }

    static String mark(Progress progress) {
        switch (progress) {
            case ON_TRACK: return "🟢";
            case AT_RISK: return "🟠";
            case BLOCKED: return "🔴";
            case COMPLETE: return "✅";
            default: return "⚪";
        }
    }

    /** The light, and ⏰ beside it when the action is overdue: the light stays as the lead set it. */
    static String mark(Progress progress, boolean overdue) {
        return mark(progress) + (overdue ? " " + PlanWords.OVERDUE_MARK : "");
    }

    static String word(Progress progress, Texts texts) {
        return texts.plain("progress." + progress.name().toLowerCase());
    }

    static String markAndWord(Progress progress, Texts texts) {
        return mark(progress) + " " + word(progress, texts);
    }
}
