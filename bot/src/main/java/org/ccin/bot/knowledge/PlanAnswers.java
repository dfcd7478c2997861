package org.ccin.bot.knowledge;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.search.FtsQuery;
import org.ccin.store.search.SynonymRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** Answers a {@link PlanQuestion} with the matching actions, their traffic lights and where the facts come from. */
final class PlanAnswers {
    private static final int MAX_LISTED = 12;

    private final PlanRepository plans;
    private final SynonymRepository synonyms;
    private final PlanCards cards;
    private final Clock clock;
    private final ZoneId zone;

    PlanAnswers(PlanRepository plans, SynonymRepository synonyms, Clock clock, ZoneId zone) {
        this.plans = plans;
        this.synonyms = synonyms;
        this.cards = new PlanCards(plans, clock, zone);
        this.clock = clock;
        this.zone = zone;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** @return true when it answered (false: the plan has nothing on it, let the library try) */
    boolean answer(Context context, PlanQuestion question) {
        Texts texts = context.texts();
        List<Action> actions;
        String heading;
        if (question instanceof PlanQuestion.ByCode byCode) {
            actions = plans.byCode(byCode.code());
            if (actions.isEmpty()) {
                context.reply().send(texts.get("plan.code.unknown", "code", byCode.code()));
                return true;
            }
            StringBuilder text = new StringBuilder(cards.card(actions.get(0), texts));
            for (Action older : actions.subList(1, actions.size())) {
                text.append("\n\n").append(texts.get("plan.code.also", "code", older.code())).append('\n')
                        .append(cards.lines(List.of(older), texts));
            }
            context.reply().send(text.toString());
            return true;
        } else if (question instanceof PlanQuestion.WithProgress withProgress) {
            actions = plans.withProgress(withProgress.progress());
            heading = texts.get("plan.answer.progress", "what", withProgress.label());
        } else if (question instanceof PlanQuestion.Overdue) {
            actions = plans.overdue(today());
            heading = texts.get("plan.answer.overdue", "today", PlanCards.date(today(), texts));
        } else if (question instanceof PlanQuestion.Due due) {
            actions = plans.dueBetween(due.from(), due.to());
            heading = texts.get("plan.answer.due", "from", PlanCards.date(due.from(), texts),
                    "to", PlanCards.date(due.to(), texts));
        } else if (question instanceof PlanQuestion.LedBy ledBy) {
            actions = plans.ledBy(ledBy.words());
            heading = texts.get("plan.answer.led", "name", ledBy.name());
        } else {
            String words = withoutPlanWords(((PlanQuestion.About) question).words());
            actions = plans.search(FtsQuery.of(words, synonyms.expansions()), MAX_LISTED);
            if (actions.isEmpty()) {
                return false;
            }
            heading = texts.get("plan.answer.about", "words", words.strip());
        }
        if (actions.isEmpty()) {
            context.reply().send(heading + "\n\n" + texts.get("plan.answer.none"));
            return true;
        }
        if (actions.size() == 1) {
            context.reply().send(heading + "\n\n" + cards.card(actions.get(0), texts));
            return true;
        }
        List<Action> shown = actions.size() > MAX_LISTED ? actions.subList(0, MAX_LISTED) : actions;
        StringBuilder text = new StringBuilder(heading).append("\n\n").append(cards.lines(shown, texts));
        if (actions.size() > shown.size()) {
            text.append("\n").append(texts.get("plan.answer.more", "count", actions.size() - shown.size()));
        }
        LinkedHashSet<String> planCodes = new LinkedHashSet<>();
        shown.forEach(a -> planCodes.add(a.planCode()));
        for (String plan : planCodes) {
            text.append("\n\n").append(cards.source(plan, texts));
        }
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (Action action : shown) {
            buttons.add(Keyboard.callbackButton(TrafficLight.mark(action.progress()) + " " + action.code(),
                    CallbackData.of(ActionsCommand.FEATURE, "act", action.id())));
        }
        context.reply().send(text.toString(), Keyboard.create().grid(buttons, 4).build());
        return true;
    }

    private static String withoutPlanWords(String text) {
        Matcher matcher = PlanQuestion.PLAN_WORDS.matcher(text);
        return matcher.replaceAll(" ");
    }
}
