package org.ccin.bot.account;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.members.MemberRepository;

/** /language: English or Cymraeg, with buttons {@code lang:set:<code>}; the choice is kept for good. */
final class LanguageCommand extends CommandAdapter implements CallbackAction {
    private final MemberRepository members;
    private final Messages messages;

    public LanguageCommand(MemberRepository members, Messages messages) {
        super("language", Role.EVERYONE);
        this.members = members;
        this.messages = messages;
    }

    @Override
    public String feature() {
        return "lang";
    }

    @Override
    public void handle(Context context) {
        Keyboard keyboard = Keyboard.create().row();
        for (Language language : Language.values()) {
            keyboard.button(context.texts().plain("language.name." + language.code()),
                    CallbackData.of(feature(), "set", language.code()));
        }
        context.reply().send(context.texts().get("language.question"), keyboard.build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Optional<Language> language = data.action().equals("set") ? data.arg(0).flatMap(Language::fromCode)
                : Optional.empty();
        if (language.isEmpty() || members.findByTelegramId(context.userId()).isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        members.setLanguage(context.userId(), language.get().code());
        Texts texts = messages.in(language.get());
        context.reply().answer(texts.plain("language.changed"));
        context.reply().show(texts.get("language.changed"), null);
    }
}
