package org.ccin.bot.account;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.CommandRegistry;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.state.BotStateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.DeleteMyCommands;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;

/**
 * The command menu Telegram shows next to the text box, per language and scope: members' commands in every private
 * chat, group commands in groups, and for each member of staff their own chat's menu with the staff commands too.
 * It is sent again only when it changed since the last start (a fingerprint is kept in the database).
 */
final class CommandMenu {
    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);
    private static final String STATE_KEY = "command_menu";
    private static final Set<Role> EVERYONE_SEES = Set.of(Role.EVERYONE, Role.MEMBER);

    private final Supplier<CommandRegistry> commands;
    private final Messages messages;
    private final Sender sender;
    private final BotStateRepository state;
    private final Set<Long> staff;

    /** {@code commands} is asked for when the menu is published: by then every feature's commands are in. */
    CommandMenu(Supplier<CommandRegistry> commands, Messages messages, Sender sender, BotStateRepository state,
                Set<Long> staff) {
        this.commands = commands;
        this.messages = messages;
        this.sender = sender;
        this.state = state;
        this.staff = staff;
    }

    /** The calls that set the whole menu. */
    List<SetMyCommands> menus() {
        List<SetMyCommands> menus = new ArrayList<>();
        for (Language language : Language.values()) {
            Texts texts = messages.in(language);
            // the English menu is also everyone's default, for apps in languages we do not speak
            String code = language == Language.EN ? null : language.code();
            menus.add(menu(new BotCommandScopeAllPrivateChats(), code, texts, EVERYONE_SEES, Command.Where.GROUP));
            menus.add(menu(new BotCommandScopeAllGroupChats(), code, texts, EVERYONE_SEES, Command.Where.PRIVATE));
            for (long id : staff) {
                menus.add(menu(new BotCommandScopeChat(String.valueOf(id)), code, texts,
                        Set.of(Role.EVERYONE, Role.MEMBER, Role.STAFF), Command.Where.GROUP));
            }
        }
        return menus;
    }

    private SetMyCommands menu(BotCommandScope scope, String languageCode, Texts texts, Set<Role> audiences,
                               Command.Where excluded) {
        List<BotCommand> list = new ArrayList<>();
        for (Command command : commands.get().all()) {
            if (audiences.contains(command.audience()) && command.where() != excluded) {
                list.add(new BotCommand(command.name(), texts.plain(command.descriptionKey())));
            }
        }
        return SetMyCommands.builder().scope(scope).languageCode(languageCode).commands(list).build();
    }

    /** Sends the menu if it changed; removes the staff menu of people who are no longer staff. */
    CompletableFuture<Void> publish() {
        List<SetMyCommands> menus = menus();
        String fingerprint = fingerprint(menus);
        String previous = state.get(STATE_KEY).orElse("");
        if (previous.equals(fingerprint)) {
            return CompletableFuture.completedFuture(null);
        }
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (long formerStaff : staffIn(previous)) {
            if (!staff.contains(formerStaff)) {
                for (Language language : Language.values()) {
                    calls.add(sender.call(Lane.INTERACTIVE, DeleteMyCommands.builder()
                            .scope(new BotCommandScopeChat(String.valueOf(formerStaff)))
                            .languageCode(language == Language.EN ? null : language.code()).build()));
                }
            }
        }
        menus.forEach(menu -> calls.add(sender.call(Lane.INTERACTIVE, menu)));
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).thenRun(() -> {
            state.put(STATE_KEY, fingerprint);
            log.info("command menu registered ({} scopes and languages)", menus.size());
        }).exceptionally(error -> {
            log.warn("command menu not registered; will try again at next start: {}", error.toString());
            return null;
        });
    }

    /** The menus' content plus the staff list, so that a change of either is noticed. */
    private String fingerprint(List<SetMyCommands> menus) {
        String content = menus.stream().map(m -> m.getScope().getType() + "|" + m.getLanguageCode() + "|"
                + m.getCommands().stream().map(c -> c.getCommand() + "=" + c.getDescription())
                .collect(Collectors.joining(","))).collect(Collectors.joining(";"));
        return "staff:" + staff.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))
                + "#" + Integer.toHexString(content.hashCode());
    }

    private static Set<Long> staffIn(String fingerprint) {
        Set<Long> ids = new LinkedHashSet<>();
        if (fingerprint.startsWith("staff:")) {
            String list = fingerprint.substring(6, fingerprint.indexOf('#'));
            for (String id : list.split(",")) {
                if (!id.isEmpty()) {
                    ids.add(Long.parseLong(id));
                }
            }
        }
        return ids;
    }
}
