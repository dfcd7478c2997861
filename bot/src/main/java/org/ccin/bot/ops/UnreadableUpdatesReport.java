package org.ccin.bot.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.scheduler.Routine;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.inbox.QuarantinedUpdate;

/**
 * Every morning, one line to staff when updates from Telegram arrived in the last day that the bot could not read
 * (kept aside in the inbox, not handled): how many, of which kinds, and their ids for the log. Silent otherwise.
 */
public final class UnreadableUpdatesReport implements Routine {
    private static final int LISTED = 10;

    private final InboxRepository inbox;
    private final StaffNotices staff;
    private final Clock clock;
    private final ZoneId zone;

    public UnreadableUpdatesReport(InboxRepository inbox, StaffNotices staff, Clock clock, ZoneId zone) {
        this.inbox = inbox;
        this.staff = staff;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "unreadable-updates-report";
    }

    @Override
    public String cron() {
        return "0 0 8 * * ?";
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        Instant since = now.minus(Duration.ofDays(1));
        int count = inbox.countQuarantinedSince(since);
        if (count == 0) {
            return;
        }
        List<QuarantinedUpdate> listed = inbox.quarantinedSince(since, LISTED);
        String kinds = listed.stream().map(QuarantinedUpdate::kind).distinct().sorted().collect(Collectors.joining(", "));
        String ids = listed.stream().map(q -> String.valueOf(q.updateId())).collect(Collectors.joining(", "))
                + (count > LISTED ? ", …" : "");
        LocalDate today = LocalDate.ofInstant(now, zone);
        staff.tell("unreadable-updates:" + today, 0, texts -> texts.get("ops.unreadable", "count", count,
                "kinds", kinds, "ids", ids));
    }
}
