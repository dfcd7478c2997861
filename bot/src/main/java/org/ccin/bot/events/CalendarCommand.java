package org.ccin.bot.events;

import java.util.function.Supplier;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.events.CalendarFeeds;
import org.ccin.store.members.MemberRepository;

/** /calendar: the address of the member's own calendar feed, for a calendar app to subscribe to. */
final class CalendarCommand extends CommandAdapter {
    private final CalendarFeeds feeds;
    private final MemberRepository members;
    private final Supplier<String> publicUrl;

    CalendarCommand(CalendarFeeds feeds, MemberRepository members, Supplier<String> publicUrl) {
        super("calendar", Role.MEMBER);
        this.feeds = feeds;
        this.members = members;
        this.publicUrl = publicUrl;
    }

    @Override
    public void handle(Context context) {
        long memberId = members.findByTelegramId(context.userId()).orElseThrow().id();
        String address = publicUrl.get() + CalendarPages.feedPath(feeds.tokenOf(memberId));
        context.reply().send(context.texts().get("events.calendar", "address", address));
    }
}
