package org.ccin.bot.groups;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Report;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * /report, as a reply to a message in a group: the group's moderators and the network's staff get it privately with
 * buttons to dismiss, warn, mute or remove ({@code mod:<d|w|m|r>:<report id>}); the reporter is thanked in the
 * topic they wrote in.
 */
final class ReportCommand implements Command {
    private static final int EXCERPT = 300;

    private final Store store;
    private final GroupActions actions;
    private final Messages messages;
    private final BotConfig config;

    ReportCommand(Store store, GroupActions actions, Messages messages, BotConfig config) {
        this.store = store;
        this.actions = actions;
        this.messages = messages;
        this.config = config;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public Role audience() {
        return Role.EVERYONE;
    }

    @Override
    public Where where() {
        return Where.GROUP;
    }

    @Override
    public void handle(Context context) {
        Optional<ChatGroup> group = store.groups().catalogue().byChat(context.incoming().chatId());
        if (group.isEmpty()) {
            context.reply().send(context.texts().get("groups.not.registered"));
            return;
        }
        Message command = context.incoming().message().orElseThrow();
        Message reported = command.getReplyToMessage();
        // in a forum, a message that is not a reply still "replies" to the topic's opening message
        if (reported == null || reported.getFrom() == null || Boolean.TRUE.equals(reported.getIsTopicMessage())
                && reported.getMessageId().equals(command.getMessageThreadId())) {
            context.reply().send(context.texts().get("groups.report.how"));
            return;
        }
        String text = Optional.ofNullable(reported.getText()).or(() -> Optional.ofNullable(reported.getCaption()))
                .orElse("…");
        Report report = store.groups().moderation().report(group.get().id(), context.userId(),
                reported.getFrom().getId(), reported.getMessageId(), context.incoming().threadId(),
                text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
        Set<Long> recipients = new LinkedHashSet<>(store.groups().catalogue().moderators(group.get().id()));
        recipients.addAll(config.staff());
        for (long moderator : recipients) {
            Texts texts = messages.in(store.members().findByTelegramId(moderator)
                    .flatMap(m -> Language.fromCode(m.language())).orElse(Language.EN));
            actions.tellLater(moderator, texts.get("groups.report.card", "group",
                    group.get().title(texts.language().code()), "reporter", context.incoming().firstName(),
                    "author", reported.getFrom().getFirstName(), "text", report.excerpt(),
                    "warnings", store.groups().moderation().warnings(group.get().id(), reported.getFrom().getId())),
                    buttons(report, texts));
        }
        context.reply().send(context.texts().get("groups.report.thanks"));
    }

    static InlineKeyboardMarkup buttons(Report report, Texts texts) {
        return Keyboard.create()
                .row().button(texts.plain("groups.mod.dismiss"), CallbackData.of("mod", "d", report.id()))
                .button(texts.plain("groups.mod.warn"), CallbackData.of("mod", "w", report.id()))
                .row().button(texts.plain("groups.mod.mute"), CallbackData.of("mod", "m", report.id()))
                .button(texts.plain("groups.mod.remove"), CallbackData.of("mod", "r", report.id())).build();
    }
}
