package org.ccin.bot.groups;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.Context;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.groups.ModerationRepository;
import org.ccin.store.groups.Report;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * /report, as a reply to a message in a group: the group's moderators and the network's staff get it privately with
 * buttons to dismiss, warn, mute or remove ({@link ReportCards}); the reporter is thanked in the topic they wrote in.
 */
final class ReportCommand extends RegisteredGroupCommand {
    private static final int EXCERPT = 300;

    private final ModerationRepository moderation;
    private final ReportCards cards;

    ReportCommand(GroupRepository catalogue, ModerationRepository moderation, ReportCards cards) {
        super("report", Role.EVERYONE, catalogue);
        this.moderation = moderation;
        this.cards = cards;
    }

    @Override
    void handle(Context context, ChatGroup group) {
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
        Report report = moderation.report(group.id(), new ModerationRepository.People(
                        context.userId(), context.incoming().firstName(), reported.getFrom().getId(),
                        reported.getFrom().getFirstName()), reported.getMessageId(), context.incoming().threadId(),
                text.length() > EXCERPT ? text.substring(0, EXCERPT) + "…" : text);
        cards.send(report, group, cards.recipients(group));
        context.reply().send(context.texts().get("groups.report.thanks"));
    }
}
