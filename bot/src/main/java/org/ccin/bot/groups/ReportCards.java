package org.ccin.bot.groups;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.Report;
import org.ccin.store.groups.ReportCard;
import org.ccin.store.members.MemberRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The moderators' and staff's private messages about a report ("cards"): sent to each of them with the buttons to
 * act ({@link ModerationButton}); once one of them acted, every card says who dealt with it and how, and
 * offers to delete the reported message where it is still in the group. Where each card
 * is, is kept, so that a card sent while another moderator was already acting is brought up to date too.
 * Thread-safe.
 */
final class ReportCards {
    private final Groups groups;
    private final MemberRepository members;
    private final GroupActions actions;
    private final Messages messages;
    private final LanguagePreference languages;
    private final BotConfig config;

    ReportCards(Groups groups, MemberRepository members, GroupActions actions, Messages messages,
                LanguagePreference languages, BotConfig config) {
        this.groups = groups;
        this.members = members;
        this.actions = actions;
        this.messages = messages;
        this.languages = languages;
        this.config = config;
    }

    /** Sends the new report to each of them, each in their own language, without waiting. */
    void send(Report report, ChatGroup group, Collection<Long> recipients) {
        int warnings = groups.moderation().warnings(group.id(), report.reportedUserId());
        for (long moderator : recipients) {
            Texts texts = messages.in(languages.of(moderator));
            actions.post(moderator, card(report, group, texts, warnings), openButtons(report, texts))
                    .thenAccept(sent -> sent.ifPresent(message -> {
                        groups.moderation().addCard(report.id(), moderator, message.getMessageId());
                        // another moderator may have acted while this card was on its way; the one who acted
                        // shows their own card themselves, with the full result
                        groups.moderation().find(report.id())
                                .filter(r -> !r.isOpen() && !r.handledBy().equals(Optional.of(moderator)))
                                .ifPresent(r -> update(new ReportCard(r.id(), moderator, message.getMessageId()), r,
                                        group));
                    }));
        }
    }

    /** Brings every card of the report up to date, except the one in {@code skipChat} (the actor's, shown already). */
    void updateAll(Report report, ChatGroup group, Optional<Long> skipChat) {
        for (ReportCard card : groups.moderation().cards(report.id())) {
            if (skipChat.map(chat -> chat != card.chatId()).orElse(true)) {
                update(card, report, group);
            }
        }
    }

    private void update(ReportCard card, Report report, ChatGroup group) {
        Texts texts = messages.in(languages.of(card.chatId()));
        actions.editLater(card.chatId(), card.messageId(), settled(report, group, texts, outcome(report, texts)),
                settledButtons(report, texts));
    }

    /** The card of a report that is dealt with: the report, who dealt with it and how, and who deleted the message. */
    String settled(Report report, ChatGroup group, Texts texts, String what) {
        StringBuilder text = new StringBuilder(card(report, group, texts,
                groups.moderation().warnings(group.id(), report.reportedUserId())));
        text.append("\n\n").append(texts.get("groups.mod.dealt", "by", nameOf(report.handledBy(), texts),
                "what", what));
        if (report.messageDeleted()) {
            text.append("\n").append(texts.get("groups.mod.deleted.by", "by", nameOf(report.messageDeletedBy(), texts)));
        }
        return text.toString();
    }

    /** Under a dealt-with report, while its message is still in the group: the offer to delete it. */
    InlineKeyboardMarkup settledButtons(Report report, Texts texts) {
        if (report.messageDeleted() || report.status() == Report.Status.DISMISSED || report.isOpen()) {
            return null;
        }
        return Keyboard.create().row()
                .button(texts.plain("groups.mod.delete"), button(new ModerationButton.DeleteMessage(report.id())))
                .build();
    }

    private String card(Report report, ChatGroup group, Texts texts, int warnings) {
        return texts.get("groups.report.card", "group", group.title(texts.language().code()), "reporter",
                report.reporterName().isEmpty() ? texts.plain("groups.mod.someone.member") : report.reporterName(),
                "author", report.authorName(), "text", report.excerpt(), "warnings", warnings);
    }

    private static InlineKeyboardMarkup openButtons(Report report, Texts texts) {
        return Keyboard.create()
                .row().button(texts.plain("groups.mod.dismiss"), button(new ModerationButton.Dismiss(report.id())))
                .button(texts.plain("groups.mod.warn"), button(new ModerationButton.Warn(report.id())))
                .row().button(texts.plain("groups.mod.mute"), button(new ModerationButton.Mute(report.id())))
                .button(texts.plain("groups.mod.remove"), button(new ModerationButton.Remove(report.id()))).build();
    }

    private static CallbackData button(ModerationButton button) {
        return ModerationButton.SET.data(button);
    }

    /** What was done, in a few words, for the cards of the moderators who did not do it. */
    private String outcome(Report report, Texts texts) {
        return switch (report.status()) {
            case DISMISSED -> texts.plain("groups.mod.result.dismissed");
            case WARNED -> texts.plain("groups.mod.result.warned.plain");
            case MUTED -> texts.plain("groups.mod.result.muted");
            case REMOVED -> texts.plain("groups.mod.result.removed");
            case OPEN -> "";
        };
    }

    private String nameOf(Optional<Long> userId, Texts texts) {
        return userId.filter(id -> id != 0).flatMap(members::findByTelegramId).map(m -> m.firstName())
                .filter(name -> !name.isBlank()).orElse(texts.plain("groups.mod.someone"));
    }

    /** Staff are told of every report, as are the group's moderators. */
    Collection<Long> recipients(ChatGroup group) {
        Set<Long> recipients = new LinkedHashSet<>(groups.catalogue().moderators(group.id()));
        recipients.addAll(config.staff());
        return recipients;
    }
}
