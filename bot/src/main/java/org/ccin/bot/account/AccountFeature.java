package org.ccin.bot.account;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;

/**
 * Wires what everyone has: /help (from every feature's commands), /language, /whoami and /cancel, and the command
 * menu Telegram shows (published once the bot has started, from every feature's commands).
 */
public final class AccountFeature implements Feature {
    @Override
    public int helpOrder() {
        return 20;
    }

    @Override
    public void addTo(Features features, Services services) {
        LanguageCommand language = new LanguageCommand(services.store().members(), services.messages());
        features.command(new HelpCommand(features::registry))
                .command(language)
                .command(new WhoAmICommand())
                .command(new CancelCommand(services.store().conversations()))
                .callback(language.buttons());
        CommandMenu menu = new CommandMenu(features::registry, services.messages(), services.sender(),
                services.store().botState(), services.config().staff());
        features.atStart(menu::publish);
    }
}
