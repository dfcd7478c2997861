package org.ccin.bot.account;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.members.MemberRepository;

/** /language: English or Cymraeg, with the buttons of {@link LanguageButton}; the choice is kept for good. */
final class LanguageCommand extends CommandAdapter {
    private final MemberRepository members;
    private final Messages messages;

    public LanguageCommand(MemberRepository members, Messages messages) {
        super("language", Role.EVERYONE);
        this.members = members;
        this.messages = messages;
    }

    @Override
    public void handle(Context context) {
        Keyboard keyboard = Keyboard.create().row();
        for (Language language : Language.values()) {
            keyboard.button(context.texts().plain("language.name." + language.code()),
                    LanguageButton.SET.data(new LanguageButton.Choose(language.code())));
        }
        context.reply().send(context.texts().get("language.question"), keyboard.build());
    }

    /** The buttons' handler. */
    CallbackAction buttons() {
        return LanguageButton.SET.handlers().on(LanguageButton.Choose.class, this::choose).build();
    }

    private void choose(Context context, LanguageButton.Choose button) {
        Optional<Language> language = Language.fromCode(button.code());
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
