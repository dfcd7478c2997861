package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.config.BotConfig;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.MembershipStatus;
import org.ccin.store.groups.Report;

/**
 * A moderator's answer to a report: dismiss, warn, mute or remove ({@link ModerationButton}), and deleting the
 * reported message. Only the group's moderators and staff may act, whatever the button says; a report is handled
 * once, and so are the other reports of the same message with it. Remove deletes the reported message too, and the
 * person's other reported messages in the group, whose reports are settled with it; after a warning or a mute every
 * card offers to delete. Warnings are counted per person and group; at the configured limit the person is removed (or
 * muted). Every card of every report settled then says who dealt with it and how. Every act goes to the audit log.
 */
final class ModerationActions {
    private final Groups groups;
    private final AuditLog auditLog;
    private final GroupActions actions;
    private final ReportCards cards;
    private final Messages messages;
    private final LanguagePreference languages;
    private final BotConfig config;

    ModerationActions(Groups groups, AuditLog auditLog, GroupActions actions, ReportCards cards, Messages messages,
                      LanguagePreference languages, BotConfig config) {
        this.groups = groups;
        this.auditLog = auditLog;
        this.actions = actions;
        this.cards = cards;
        this.messages = messages;
        this.languages = languages;
        this.config = config;
    }

    /**
     * The buttons' handler. Every button is on a report: the report and its group are found, and the person's right
     * to moderate that group checked, before any of them acts.
     */
    CallbackAction buttons() {
        return ModerationButton.SET.handlers()
                .on(ModerationButton.Dismiss.class, onReport(this::decide))
                .on(ModerationButton.Warn.class, onReport(this::decide))
                .on(ModerationButton.Mute.class, onReport(this::decide))
                .on(ModerationButton.Remove.class, onReport(this::decide))
                .on(ModerationButton.DeleteMessage.class, onReport(this::deleteMessage))
                .build();
    }

    /** What a button does to the report it is on, once the person is known to moderate its group. */
    @FunctionalInterface
    private interface ReportTap<T extends ModerationButton> {
        void handle(Context context, T button, Report report, ChatGroup group);
    }

    private <T extends ModerationButton> ButtonHandlers.Tap<T> onReport(ReportTap<? super T> tap) {
        return (context, button) -> {
            Texts texts = context.texts();
            Optional<Report> report = groups.moderation().find(button.reportId());
            Optional<ChatGroup> group = report.flatMap(r -> groups.catalogue().find(r.groupId()));
            if (report.isEmpty() || group.isEmpty()) {
                context.reply().alert(texts.plain("button.unknown"));
                return;
            }
            boolean allowed = config.isStaff(context.userId())
                    || groups.catalogue().isModerator(group.get().id(), context.userId());
            if (!allowed) {
                context.reply().alert(texts.plain("access.moderators.only"));
                return;
            }
            tap.handle(context, button, report.get(), group.get());
        };
    }

    private void decide(Context context, ModerationButton.Decision button, Report report, ChatGroup group) {
        Texts texts = context.texts();
        Report.Status outcome = button.outcome();
        long moderator = context.userId();
        if (!groups.moderation().handle(report.id(), outcome, moderator)) {
            context.reply().alert(texts.plain("groups.mod.already"));
            return;
        }
        Act done = act(group, report, outcome, moderator, texts);
        Report handled = groups.moderation().find(report.id()).orElseThrow();
        List<Report> settledToo = new ArrayList<>();
        // several members may have reported the same message: one decision settles every report of it, once
        for (Report same : groups.moderation().ofMessage(group.id(), report.messageId())) {
            if (same.id() != report.id() && same.isOpen() && groups.moderation().handle(same.id(), outcome, moderator)) {
                if (handled.messageDeleted()) {
                    groups.moderation().messageDeleted(same.id(), moderator);
                }
                settledToo.add(same);
            }
        }
        String result = done.text();
        if (done.removed()) {
            Set<Integer> deleted = new HashSet<>();
            // a removed member's other reported messages in the group go too, and their reports say so
            for (Report other : groups.moderation().openAbout(group.id(), report.reportedUserId())) {
                if (!groups.moderation().handle(other.id(), Report.Status.REMOVED, moderator)) {
                    continue; // another moderator settled it meanwhile
                }
                if (deleted.contains(other.messageId())) {
                    groups.moderation().messageDeleted(other.id(), moderator); // reported twice, deleted once
                } else if (deleteWithRemoval(group, other, moderator, texts).isEmpty()) {
                    deleted.add(other.messageId());
                }
                settledToo.add(other);
            }
            if (!deleted.isEmpty()) {
                result += texts.plain("groups.mod.result.others", "count", deleted.size());
            }
        }
        auditLog.record(Optional.of(moderator), "moderation." + outcome.name().toLowerCase(),
                Optional.of(group.id()), Optional.of(report.reportedUserId()), "group " + group.code(),
                "report " + report.id() + (settledToo.isEmpty() ? "" : " (and " + String.join(", ",
                        settledToo.stream().map(r -> String.valueOf(r.id())).toList()) + ")") + ": " + result);
        handled = groups.moderation().find(report.id()).orElseThrow();
        context.reply().show(cards.settled(handled, group, texts, result), cards.settledButtons(handled, texts));
        cards.updateAll(handled, group, Optional.of(context.incoming().chatId()));
        for (Report other : settledToo) {
            cards.updateAll(groups.moderation().find(other.id()).orElseThrow(), group, Optional.empty());
        }
    }

    /** What a decision did, in words for the card, and whether the person is out of the group now. */
    private record Act(String text, boolean removed) {
    }

    private Act act(ChatGroup group, Report report, Report.Status outcome, long moderator, Texts texts) {
        long userId = report.reportedUserId();
        Texts theirs = messages.in(languages.of(userId));
        String title = group.title(theirs.language().code());
        switch (outcome) {
            case WARNED: {
                int count = groups.moderation().warn(group.id(), userId, moderator, Optional.of(report.id()));
                int limit = config.groups().warningLimit();
                if (count >= limit) {
                    String deleted = atLimit(group, report, moderator, theirs, title, texts);
                    boolean removed = config.groups().removeAtWarningLimit();
                    return new Act(texts.plain("groups.mod.result.limit", "count", count, "action", texts.plain(
                            removed ? "groups.mod.result.removed" : "groups.mod.result.muted")) + deleted, removed);
                }
                actions.tellLater(userId, theirs.get("groups.mod.you.warned", "group", title, "count", count,
                        "limit", limit), null);
                return new Act(texts.plain("groups.mod.result.warned", "count", count, "limit", limit), false);
            }
            case MUTED:
                actions.mute(group, userId, config.groups().muteFor());
                actions.tellLater(userId, theirs.get("groups.mod.you.muted", "group", title,
                        "hours", config.groups().muteFor().toHours()), null);
                return new Act(texts.plain("groups.mod.result.muted"), false);
            case REMOVED:
                actions.remove(group, userId, MembershipStatus.REMOVED, "removed by a moderator");
                actions.tellLater(userId, theirs.get("groups.mod.you.removed", "group", title), null);
                return new Act(texts.plain("groups.mod.result.removed")
                        + deleteWithRemoval(group, report, moderator, texts), true);
            default:
                return new Act(texts.plain("groups.mod.result.dismissed"), false);
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
            groups.moderation().messageDeleted(report.id(), moderator);
            return "";
        }
        return " " + texts.plain("groups.mod.delete.failed");
    }

    /** The offer under a warning or mute: the reported message goes from the group; every card says so. */
    private void deleteMessage(Context context, ModerationButton.DeleteMessage button, Report report,
                               ChatGroup group) {
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
        if (!groups.moderation().messageDeleted(report.id(), context.userId())) {
            context.reply().alert(texts.plain("groups.mod.deleted.already"));
            return;
        }
        // the other reports of the same message: it is gone for them too, and their cards say so
        for (Report same : groups.moderation().ofMessage(group.id(), report.messageId())) {
            if (same.id() != report.id() && groups.moderation().messageDeleted(same.id(), context.userId())) {
                cards.updateAll(groups.moderation().find(same.id()).orElseThrow(), group, Optional.empty());
            }
        }
        auditLog.record(Optional.of(context.userId()), "moderation.deleted", Optional.of(group.id()),
                Optional.of(report.reportedUserId()), "group " + group.code(), "report " + report.id()
                        + (deleted.messageGone() ? ": the message was already gone" : ""));
        context.reply().answer(texts.plain(deleted.messageGone() ? "groups.mod.deleted.gone" : "groups.mod.deleted"));
        cards.updateAll(groups.moderation().find(report.id()).orElseThrow(), group, Optional.empty());
    }
}
