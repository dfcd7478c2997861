package org.ccin.bot.groups;

import java.util.Optional;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.MembershipStatus;
import org.ccin.store.groups.Report;

/**
 * A moderator's answer to a report: dismiss, warn, mute or remove ({@code mod:<d|w|m|r>:<report id>}), and deleting
 * the reported message ({@code mod:x:<report id>}). Only the group's moderators and staff may act, whatever the
 * button says; a report is handled once. Remove deletes the reported message too; after a warning or a mute every
 * card offers to. Warnings are counted per person and group; at the configured limit the person is removed (or
 * muted). Every card of the report then says who dealt with it and how. Every act goes to the audit log.
 */
final class ModerationActions implements CallbackAction {
    private final Store store;
    private final GroupActions actions;
    private final ReportCards cards;
    private final Messages messages;
    private final LanguagePreference languages;
    private final BotConfig config;

    ModerationActions(Store store, GroupActions actions, ReportCards cards, Messages messages,
                      LanguagePreference languages, BotConfig config) {
        this.store = store;
        this.actions = actions;
        this.cards = cards;
        this.messages = messages;
        this.languages = languages;
        this.config = config;
    }

    @Override
    public String feature() {
        return "mod";
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        Optional<Report> report = data.number(0).flatMap(store.groups().moderation()::find);
        Optional<ChatGroup> group = report.flatMap(r -> store.groups().catalogue().find(r.groupId()));
        if (report.isEmpty() || group.isEmpty()) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        boolean allowed = config.isStaff(context.userId())
                || store.groups().catalogue().isModerator(group.get().id(), context.userId());
        if (!allowed) {
            context.reply().alert(texts.plain("access.moderators.only"));
            return;
        }
        if (data.action().equals("x")) {
            deleteMessage(context, report.get(), group.get());
            return;
        }
        Report.Status outcome;
        switch (data.action()) {
            case "d": outcome = Report.Status.DISMISSED; break;
            case "w": outcome = Report.Status.WARNED; break;
            case "m": outcome = Report.Status.MUTED; break;
            case "r": outcome = Report.Status.REMOVED; break;
            default:
                context.reply().alert(texts.plain("button.unknown"));
                return;
        }
        if (!store.groups().moderation().handle(report.get().id(), outcome, context.userId())) {
            context.reply().alert(texts.plain("groups.mod.already"));
            return;
        }
        String result = act(group.get(), report.get(), outcome, context.userId(), texts);
        store.auditLog().record(Optional.of(context.userId()), "moderation." + outcome.name().toLowerCase(),
                Optional.of(group.get().id()), Optional.of(report.get().reportedUserId()), "group " + group.get().code(),
                "report " + report.get().id() + ": " + result);
        Report handled = store.groups().moderation().find(report.get().id()).orElseThrow();
        context.reply().show(cards.settled(handled, group.get(), texts, result), cards.settledButtons(handled, texts));
        cards.updateAll(handled, group.get(), Optional.of(context.incoming().chatId()));
    }

    private String act(ChatGroup group, Report report, Report.Status outcome, long moderator, Texts texts) {
        long userId = report.reportedUserId();
        Texts theirs = messages.in(languages.of(userId));
        String title = group.title(theirs.language().code());
        switch (outcome) {
            case WARNED: {
                int count = store.groups().moderation().warn(group.id(), userId, moderator, Optional.of(report.id()));
                int limit = config.groups().warningLimit();
                if (count >= limit) {
                    String deleted = atLimit(group, report, moderator, theirs, title, texts);
                    return texts.plain("groups.mod.result.limit", "count", count, "action", texts.plain(
                            config.groups().removeAtWarningLimit() ? "groups.mod.result.removed"
                                    : "groups.mod.result.muted")) + deleted;
                }
                actions.tellLater(userId, theirs.get("groups.mod.you.warned", "group", title, "count", count,
                        "limit", limit), null);
                return texts.plain("groups.mod.result.warned", "count", count, "limit", limit);
            }
            case MUTED:
                actions.mute(group, userId, config.groups().muteFor());
                actions.tellLater(userId, theirs.get("groups.mod.you.muted", "group", title,
                        "hours", config.groups().muteFor().toHours()), null);
                return texts.plain("groups.mod.result.muted");
            case REMOVED:
                actions.remove(group, userId, MembershipStatus.REMOVED, "removed by a moderator");
                actions.tellLater(userId, theirs.get("groups.mod.you.removed", "group", title), null);
                return texts.plain("groups.mod.result.removed") + deleteWithRemoval(group, report, moderator, texts);
            default:
                return texts.plain("groups.mod.result.dismissed");
        }
    }

    private String atLimit(ChatGroup group, Report report, long moderator, Texts theirs, String title, Texts texts) {
        long userId = report.reportedUserId();
        if (config.groups().removeAtWarningLimit()) {
            actions.remove(group, userId, MembershipStatus.REMOVED, "warning limit reached");
            actions.tellLater(userId, theirs.get("groups.mod.you.removed.limit", "group", title), null);
            return deleteWithRemoval(group, report, moderator, texts);
        }
        actions.mute(group, userId, config.groups().muteFor());
        actions.tellLater(userId, theirs.get("groups.mod.you.muted", "group", title,
                "hours", config.groups().muteFor().toHours()), null);
        return "";
    }

    /** A removal takes the reported message with it. @return what became of the message, to add to the result */
    private String deleteWithRemoval(ChatGroup group, Report report, long moderator, Texts texts) {
        GroupActions.Outcome deleted = actions.deleteMessage(group, report.messageId());
        if (deleted.done() || deleted.messageGone()) {
            store.groups().moderation().messageDeleted(report.id(), moderator);
            return "";
        }
        return " " + texts.plain("groups.mod.delete.failed");
    }

    /** The offer under a warning or mute: the reported message goes from the group; every card says so. */
    private void deleteMessage(Context context, Report report, ChatGroup group) {
        Texts texts = context.texts();
        if (report.isOpen()) {
            context.reply().alert(texts.plain("groups.mod.choose.first"));
            return;
        }
        if (report.messageDeleted()) {
            context.reply().alert(texts.plain("groups.mod.deleted.already"));
            return;
        }
        GroupActions.Outcome deleted = actions.deleteMessage(group, report.messageId());
        if (!deleted.done() && !deleted.messageGone()) {
            context.reply().alert(texts.plain("groups.mod.delete.failed"));
            return;
        }
        if (!store.groups().moderation().messageDeleted(report.id(), context.userId())) {
            context.reply().alert(texts.plain("groups.mod.deleted.already"));
            return;
        }
        store.auditLog().record(Optional.of(context.userId()), "moderation.deleted", Optional.of(group.id()),
                Optional.of(report.reportedUserId()), "group " + group.code(), "report " + report.id()
                        + (deleted.messageGone() ? ": the message was already gone" : ""));
        context.reply().answer(texts.plain(deleted.messageGone() ? "groups.mod.deleted.gone" : "groups.mod.deleted"));
        cards.updateAll(store.groups().moderation().find(report.id()).orElseThrow(), group, Optional.empty());
    }
}
