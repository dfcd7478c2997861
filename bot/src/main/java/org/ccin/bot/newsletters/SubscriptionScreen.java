package org.ccin.bot.newsletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
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
 * every subscription. Registration offers this screen at its end.
 */
final class SubscriptionScreen extends CommandAdapter implements CallbackAction {
    static final String FEATURE = "nls";

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
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(Context context) {
        Member member = members.findByTelegramId(context.userId()).orElseThrow();
        context.reply().send(screen(member, context.texts(), ""), keyboard(member, context.texts()));
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Optional<Member> member = members.findByTelegramId(context.userId()).filter(Member::isRegistered);
        if (member.isEmpty()) {
            context.reply().alert(context.texts().plain("nl.subscribe.register"));
            return;
        }
        Texts texts = context.texts();
        String note = "";
        switch (data.action()) {
            case "t": {
                Optional<String> topic = data.arg(0).filter(topics::exists);
                if (topic.isEmpty()) {
                    context.reply().alert(texts.plain("nl.subscribe.unknown"));
                    return;
                }
                String name = topics.name(topic.get(), texts);
                if (subscriptions.unsubscribe(member.get().id(), topic.get(), "command")) {
                    context.reply().answer(texts.plain("nl.subscribe.off", "topic", name));
                } else {
                    subscriptions.subscribe(member.get().id(), topic.get(), texts.plain("nl.consent"),
                            texts.language().code());
                    context.reply().answer(texts.plain("nl.subscribe.on", "topic", name));
                }
                break;
            }
            case "off":
                subscriptions.unsubscribeAll(member.get().id(), "command");
                note = texts.get("nl.unsubscribe.done") + "\n\n";
                break;
            case "done":
                context.reply().show(summary(member.get(), texts), null);
                return;
            case "m":
                break;
            default:
                context.reply().alert(texts.plain("nl.stale"));
                return;
        }
        context.reply().show(screen(member.get(), texts, note), keyboard(member.get(), texts));
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

    private List<InlineKeyboardButton> buttons(Member member, Texts texts) {
        Set<String> mine = subscriptions.topics(member.id());
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (String code : topics.codes()) {
            String mark = mine.contains(code) ? "✅ " : "▫️ ";
            buttons.add(Keyboard.callbackButton(mark + topics.name(code, texts), CallbackData.of(FEATURE, "t", code)));
        }
        return buttons;
    }

    private InlineKeyboardMarkup keyboard(Member member, Texts texts) {
        return Keyboard.create().grid(buttons(member, texts), 2).row()
                .button(texts.plain("nl.subscribe.stop"), CallbackData.of(FEATURE, "off"))
                .button(texts.plain("nl.subscribe.finish"), CallbackData.of(FEATURE, "done")).build();
    }
}
