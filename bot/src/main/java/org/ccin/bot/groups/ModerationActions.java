package org.ccin.bot.groups;

import java.util.Optional;
import org.ccin.bot.i18n.Language;
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
 * A moderator's answer to a report: dismiss, warn, mute or remove. Only the group's moderators and staff may act,
 * whatever the button says; a report is handled once. Warnings are counted per person and group; at the configured
 * limit the person is removed (or muted). Every act goes to the audit log.
 */
final class ModerationActions implements CallbackAction {
    private final Store store;
    private final GroupActions actions;
    private final Messages messages;
    private final BotConfig config;

    ModerationActions(Store store, GroupActions actions, Messages messages, BotConfig config) {
        this.store = store;
        this.actions = actions;
        this.messages = messages;
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
                "group " + group.get().code() + " user " + report.get().reportedUserId(), "report " + report.get().id()
                        + ": " + result);
        context.reply().show(texts.get("groups.mod.done", "what", result, "by", context.incoming().firstName()), null);
    }

    private String act(ChatGroup group, Report report, Report.Status outcome, long moderator, Texts texts) {
        long userId = report.reportedUserId();
        Texts theirs = messages.in(store.members().findByTelegramId(userId)
                .flatMap(m -> Language.fromCode(m.language())).orElse(Language.EN));
        String title = group.title(theirs.language().code());
        switch (outcome) {
            case WARNED: {
                int count = store.groups().moderation().warn(group.id(), userId, moderator, Optional.of(report.id()));
                int limit = config.groups().warningLimit();
                if (count >= limit) {
                    atLimit(group, userId, theirs, title);
                    return texts.plain("groups.mod.result.limit", "count", count, "action", texts.plain(
                            config.groups().removeAtWarningLimit() ? "groups.mod.result.removed" : "groups.mod.result.muted"));
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
                return texts.plain("groups.mod.result.removed");
            default:
                return texts.plain("groups.mod.result.dismissed");
        }
    }

    private void atLimit(ChatGroup group, long userId, Texts theirs, String title) {
        if (config.groups().removeAtWarningLimit()) {
            actions.remove(group, userId, MembershipStatus.REMOVED, "warning limit reached");
            actions.tellLater(userId, theirs.get("groups.mod.you.removed.limit", "group", title), null);
        } else {
            actions.mute(group, userId, config.groups().muteFor());
            actions.tellLater(userId, theirs.get("groups.mod.you.muted", "group", title,
                    "hours", config.groups().muteFor().toHours()), null);
        }
    }
}
