package org.ccin.bot.knowledge;

import java.util.regex.Pattern;
import org.ccin.bot.routing.Context;

/**
 * Questions for a figure of the network that the strategy's measures do not hold (the measures feature answers
 * first, "how many full council members do we have now?"): the bot says it does not have that figure and where the
 * figures it has are (/measures), rather than answering with plan cards or case studies that only share a word. Counting the plan's own actions ("how many actions are
 * overdue?") is a plan question and is left to the plan.
 */
final class UnknownFigures implements QuestionAnswerer {
    private static final Pattern ASKS_FOR_FIGURES = Pattern.compile("(?iu)\\b(how many|how much|number of|"
            + "what percentage|percentage of|what proportion|figures? for|faint o|faint\\s+\\p{L}+\\s+sydd|nifer y)\\b");
    private static final Pattern ABOUT_THE_PLAN = Pattern.compile("(?iu)\\b(actions?|milestones?|overdue|late|"
            + "at risk|blocked|complete[d]?|not started|on track|due|leads?|led|camau|cerrig milltir|hwyr)\\b");

    /** Whether the question asks for a figure of the network rather than about the plan's actions. */
    public static boolean asksForFigures(String text) {
        return ASKS_FOR_FIGURES.matcher(text).find() && !ABOUT_THE_PLAN.matcher(text).find();
    }

    @Override
    public boolean answer(Context context, String text) {
        if (!asksForFigures(text)) {
            return false;
        }
        context.reply().send(context.texts().get("figures.unknown"));
        return true;
    }
}
