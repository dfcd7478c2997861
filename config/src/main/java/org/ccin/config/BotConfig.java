package org.ccin.config;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every setting of the bot, immutable, validated by {@link ConfigLoader}. Thread-safe.
 *
 * @param telegram how to reach the Bot API and how updates arrive
 * @param database where the SQLite file lives
 * @param web the embedded web server (health, webhook, pages)
 * @param staff Telegram user ids of the network's staff
 * @param zone the zone of every date a person sees and of every schedule
 * @param defaultLanguage language for people whose Telegram client language we do not speak
 * @param conversations how long a half-finished flow is kept
 * @param sending the outgoing rate limits and retries
 * @param updates how incoming updates are processed
 * @param loadSampleData whether an empty database is filled with the bundled sample data at first start
 * @param groups the group sign-up and moderation settings
 * @param plan how the action plan's milestone labels become dates
 * @param reminders when action leads are reminded of their milestones, and what staff hear
 * @param newsletters where newsletters are also posted, and how often staff see a running one's report
 * @param retention how long records nobody needs any more are kept
 * @param backups the nightly copies of the database
 * @param health when the health check stops saying ok
 */
public record BotConfig(
        TelegramSettings telegram,
        DatabaseSettings database,
        WebSettings web,
        Set<Long> staff,
        ZoneId zone,
        String defaultLanguage,
        ConversationSettings conversations,
        SendingSettings sending,
        UpdateSettings updates,
        boolean loadSampleData,
        GroupSettings groups,
        PlanSettings plan,
        ReminderSettings reminders,
        NewsletterSettings newsletters,
        RetentionSettings retention,
        BackupSettings backups,
        HealthSettings health) {

    public BotConfig {
        staff = Set.copyOf(staff);
    }

    public boolean isStaff(long telegramUserId) {
        return staff.contains(telegramUserId);
    }

    /** The SQLite database file; created with its folder on first start. */
    public record DatabaseSettings(Path path) {
    }

    /** The embedded web server. */
    /**
     * The web server.
     *
     * @param publicUrl the address people open the bot's pages at (links the bot sends, e.g. the dashboard's);
     *                  empty for {@code http://localhost:<port>}
     * @param planPublic whether {@code /plan} is open to anyone, or only to staff logged in to the dashboard
     */
    public record WebSettings(String host, int port, Optional<String> publicUrl, boolean planPublic) {
    }

    /** Multi-step flows (registration, composing) expire when untouched for this long. */
    public record ConversationSettings(Duration expireAfter) {
    }

    /**
     * Outgoing traffic limits; the defaults keep the bot under Telegram's published limits.
     *
     * @param globalPerSecond messages per second over all chats
     * @param privateChatPerSecond messages per second to one private chat
     * @param groupPerMinute messages per minute to one group
     * @param maxAttempts attempts for a send that fails with a server error or a timeout
     * @param requestTimeout how long one call to the Bot API may take
     */
    public record SendingSettings(double globalPerSecond, double privateChatPerSecond, int groupPerMinute,
                                  int maxAttempts, Duration requestTimeout) {
    }

    /**
     * The network's groups.
     *
     * @param inviteLinkLifetime how long a personal invite link works
     * @param pendingRequestTimeout a join request whose person never accepted the rules is declined after this
     * @param welcomeBurst joins within this time of each other get one welcome message
     * @param warningLimit warnings in one group before the action at the limit
     * @param removeAtWarningLimit at the limit: remove from the group (true) or mute (false)
     * @param muteFor how long a mute lasts
     * @param noticePeriod how long people keep a member-only group after their organisation left the network
     * @param rulesGrace the default time to accept new rules, offered first when staff publish them
     */
    public record GroupSettings(Duration inviteLinkLifetime, Duration pendingRequestTimeout, Duration welcomeBurst,
                                int warningLimit, boolean removeAtWarningLimit, Duration muteFor, Duration noticePeriod,
                                Duration rulesGrace) {
    }

    /**
     * The action plan.
     *
     * @param seasonEnds the day each season ends (spring, summer, autumn, winter): "Summer 2024" is due then
     */
    public record PlanSettings(Map<String, MonthDay> seasonEnds) {
        public PlanSettings {
            seasonEnds = Map.copyOf(seasonEnds);
        }
    }

    /**
     * Milestone reminders to action leads.
     *
     * @param daysBefore reminders this many days before a milestone is due
     * @param onTheDay a reminder on the day it is due
     * @param overdueEvery while overdue and not done, a reminder this often
     * @param workdayStart reminders go out from this time of day (in the bot's zone)
     * @param workdayEnd … and before this time; a slot outside moves to the next working time
     * @param workingDays the days reminders may go out
     * @param escalateAfter a reminder nobody answered within this time is passed to staff
     * @param digestDay the day of the weekly staff digest
     * @param digestTime the time of the weekly staff digest
     * @param claimLinkLifetime a one-time link for a lead to claim an action works this long
     */
    public record ReminderSettings(List<Integer> daysBefore, boolean onTheDay, Duration overdueEvery,
                                   LocalTime workdayStart, LocalTime workdayEnd, Set<DayOfWeek> workingDays,
                                   Duration escalateAfter, DayOfWeek digestDay, LocalTime digestTime,
                                   Duration claimLinkLifetime) {
        public ReminderSettings {
            daysBefore = List.copyOf(daysBefore);
            workingDays = Set.copyOf(workingDays);
        }
    }

    /**
     * Newsletters sent by staff.
     *
     * @param channelId a Telegram channel (its numeric id, e.g. -1001234567890) where each newsletter is also
     *                  posted, with the bot as an administrator allowed to post; empty for none
     * @param reportEvery how often the delivery report of a running newsletter is brought up to date
     */
    public record NewsletterSettings(Optional<Long> channelId, Duration reportEvery) {
    }

    /**
     * How long records nobody needs are kept before the daily pruning.
     *
     * @param processedUpdates updates already handled (kept so that a redelivered one is recognised)
     * @param deliveredMessages outbox messages delivered, failed or cancelled
     * @param auditLog entries of the audit log
     */
    public record RetentionSettings(Duration processedUpdates, Duration deliveredMessages, Duration auditLog) {
    }

    /**
     * The nightly backup.
     *
     * @param enabled whether the bot makes one each night
     * @param folder where backups go (created if needed)
     * @param keep how many are kept (the oldest go first)
     * @param time the time of day, in the bot's zone
     */
    public record BackupSettings(boolean enabled, Path folder, int keep, LocalTime time) {
    }

    /**
     * How incoming updates are handled.
     *
     * @param workers threads that run handlers (one chat's updates always run in order)
     * @param personBurst how many updates one person may send at once before the bot answers "slow down" and
     *     sets the rest aside (handled as dropped, never left waiting)
     * @param personPerSecond how fast a person's allowance comes back after a burst
     */
    public record UpdateSettings(int workers, int personBurst, double personPerSecond) {
    }

    /**
     * When {@code GET /health} stops saying ok.
     *
     * @param telegramGrace how long getUpdates (or, in webhook mode, Telegram) may fail before health is not ok
     * @param inboxGrace how long an update may wait in the inbox, not handled, before health is not ok
     */
    public record HealthSettings(Duration telegramGrace, Duration inboxGrace) {
    }
}
