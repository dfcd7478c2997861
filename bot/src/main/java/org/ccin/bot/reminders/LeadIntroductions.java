package org.ccin.bot.reminders;

import java.util.Optional;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.routing.Reply;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;

/** Tells a member that staff linked them as the lead of an action, with a "Not me" button in case it is wrong. */
final class LeadIntroductions {
    private final Messages messages;
    private final Language defaultLanguage;

    LeadIntroductions(Messages messages, Language defaultLanguage) {
        this.messages = messages;
        this.defaultLanguage = defaultLanguage;
    }

    void introduce(Member member, Action action, String lead, Reply reply) {
        Texts texts = messages.in(Language.fromCode(member.language()).orElse(defaultLanguage));
        reply.sendTo(member.telegramUserId(), Optional.empty(), texts.get("rem.intro", "name", member.firstName(),
                "code", action.code(), "text", action.text(), "lead", lead),
                Keyboard.create().row().button(texts.plain("rem.button.notme"),
                        ReminderButton.SET.data(new ReminderButton.NotMeForAction(action.id()))).build())
                .exceptionally(error -> null);
    }
}
