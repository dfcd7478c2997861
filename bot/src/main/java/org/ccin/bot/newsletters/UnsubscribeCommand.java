package org.ccin.bot.newsletters;

import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.newsletters.SubscriptionRepository;

/** /unsubscribe: ends every newsletter subscription at once, and says how to choose again. */
final class UnsubscribeCommand extends CommandAdapter {
    private final SubscriptionRepository subscriptions;
    private final MemberRepository members;

    UnsubscribeCommand(SubscriptionRepository subscriptions, MemberRepository members) {
        super("unsubscribe", Role.EVERYONE);
        this.subscriptions = subscriptions;
        this.members = members;
    }

    @Override
    public void handle(Context context) {
        int ended = members.findByTelegramId(context.userId())
                .map(member -> subscriptions.unsubscribeAll(member.id(), "command")).orElse(0);
        context.reply().send(context.texts().get(ended > 0 ? "nl.unsubscribe.done" : "nl.unsubscribe.none"));
    }
}
