package org.ccin.bot.newsletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.newsletters.SubscriptionRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * /subscribe: the topics with a tick for each the member gets, and the words of the consent they give by ticking
 * one (kept with the subscription, in their language). Tapping a topic subscribes or unsubscribes; "Stop all" ends
 * every subscription ({@link SubscriptionButton}). Registration offers this screen at its end.
 */
final class SubscriptionScreen extends CommandAdapter {

    private final SubscriptionRepository subscriptions;
    private final MemberRepository members;
    private final NewsletterTopics topics;

    SubscriptionScreen(SubscriptionRepository subscriptions, MemberRepository members, NewsletterTopics topics) {
        super("subscribe", Role.MEMBER);
        this.subscriptions = subscriptions;
        this.members = members;
        this.topics = topics;
    }

    @Override
    public void handle(Context context) {
        Member member = members.findByTelegramId(context.userId()).orElseThrow();
        context.reply().send(screen(member, context.texts(), ""), keyboard(member, context.texts()));
    }

    /** A tap by a registered member. */
    @FunctionalInterface
    private interface MemberTap<T> {
        void handle(Context context, T button, Member member);
    }

    /** The screen's buttons ({@link SubscriptionButton}); only a registered member may use them. */
    CallbackAction buttons() {
        return SubscriptionButton.SET.handlers().unknown("nl.stale")
                .on(SubscriptionButton.Menu.class, registered((context, button, member) -> redraw(context, member, "")))
                .on(SubscriptionButton.Toggle.class, registered(this::toggle))
                .on(SubscriptionButton.StopAll.class, registered((context, button, member) -> {
                    subscriptions.unsubscribeAll(member.id(), "command");
                    redraw(context, member, context.texts().get("nl.unsubscribe.done") + "\n\n");
                }))
                .on(SubscriptionButton.Finish.class, registered((context, button, member) ->
                        context.reply().show(summary(member, context.texts()), null)))
                .build();
    }

    private <T extends SubscriptionButton> ButtonHandlers.Tap<T> registered(MemberTap<T> tap) {
        return (context, button) -> {
            Optional<Member> member = members.findByTelegramId(context.userId()).filter(Member::isRegistered);
            if (member.isEmpty()) {
                context.reply().alert(context.texts().plain("nl.subscribe.register"));
                return;
            }
            tap.handle(context, button, member.get());
        };
    }

    private void toggle(Context context, SubscriptionButton.Toggle button, Member member) {
        Texts texts = context.texts();
        if (!topics.exists(button.topic())) {
            context.reply().alert(texts.plain("nl.subscribe.unknown"));
            return;
        }
        String name = topics.name(button.topic(), texts);
        if (subscriptions.unsubscribe(member.id(), button.topic(), "command")) {
            context.reply().answer(texts.plain("nl.subscribe.off", "topic", name));
        } else {
            subscriptions.subscribe(member.id(), button.topic(), texts.plain("nl.consent"), texts.language().code());
            context.reply().answer(texts.plain("nl.subscribe.on", "topic", name));
        }
        redraw(context, member, "");
    }

    private void redraw(Context context, Member member, String note) {
        context.reply().show(screen(member, context.texts(), note), keyboard(member, context.texts()));
    }

    private String screen(Member member, Texts texts, String note) {
        return note + texts.get("nl.subscribe.intro", "consent", texts.plain("nl.consent"));
    }

    String summary(Member member, Texts texts) {
        Set<String> mine = subscriptions.topics(member.id());
        if (mine.isEmpty()) {
            return texts.get("nl.subscribe.none");
        }
        List<String> names = new ArrayList<>();
        mine.forEach(code -> names.add("• " + topics.name(code, texts)));
        return texts.get("nl.subscribe.summary", "topics", String.join("\n", names));
    }

    private List<InlineKeyboardButton> topicButtons(Member member, Texts texts) {
        Set<String> mine = subscriptions.topics(member.id());
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (String code : topics.codes()) {
            String mark = mine.contains(code) ? "✅ " : "▫️ ";
            buttons.add(Keyboard.callbackButton(mark + topics.name(code, texts),
                    SubscriptionButton.SET.data(new SubscriptionButton.Toggle(code))));
        }
        return buttons;
    }

    private InlineKeyboardMarkup keyboard(Member member, Texts texts) {
        return Keyboard.create().grid(topicButtons(member, texts), 2).row()
                .button(texts.plain("nl.subscribe.stop"), SubscriptionButton.SET.data(new SubscriptionButton.StopAll()))
                .button(texts.plain("nl.subscribe.finish"), SubscriptionButton.SET.data(new SubscriptionButton.Finish()))
                .build();
    }
}
