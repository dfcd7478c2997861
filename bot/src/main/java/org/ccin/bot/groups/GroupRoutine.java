package org.ccin.bot.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.config.BotConfig;
import org.ccin.scheduler.Routine;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.JoinRequest;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.MembershipStatus;
import org.ccin.store.groups.Notice;
import org.ccin.store.groups.RulesVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every ten minutes: declines join requests left pending too long (and tells the person how to come back); reminds
 * members who have not accepted new rules, and at the end of the grace period removes them from groups set up so;
 * removes people whose organisation left the network once their notice period is over (unless it came back). What
 * was done is in the database, so a run after a crash repeats nothing.
 */
final class GroupRoutine implements Routine {
    private static final Logger log = LoggerFactory.getLogger(GroupRoutine.class);
    private static final Duration REMIND_BEFORE = Duration.ofDays(3);

    private final Groups groups;
    private final AuditLog auditLog;
    private final GroupActions actions;
    private final GroupWords words;
    private final Messages messages;
    private final LanguagePreference languages;
    private final BotConfig config;
    private final Clock clock;

    GroupRoutine(Groups groups, AuditLog auditLog, GroupActions actions, GroupWords words, Messages messages,
                 LanguagePreference languages, BotConfig config, Clock clock) {
        this.groups = groups;
        this.auditLog = auditLog;
        this.actions = actions;
        this.words = words;
        this.messages = messages;
        this.languages = languages;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public String cron() {
        return "0 */10 * * * ?";
    }

    @Override
    public void run() {
        expirePendingRequests();
        noticeRulesLapses();
        carryOutNotices();
    }

    void expirePendingRequests() {
        Instant cutoff = clock.instant().minus(config.groups().pendingRequestTimeout());
        for (JoinRequest request : groups.joinRequests().pendingSince(cutoff)) {
            Optional<ChatGroup> group = groups.catalogue().find(request.groupId());
            if (!groups.joinRequests().decide(request.id(), JoinRequest.Status.EXPIRED, "rules not accepted in time")) {
                continue;
            }
            if (group.isPresent() && group.get().isActive()) {
                actions.decline(group.get(), request.userId());
                Texts texts = textsOf(request.userId());
                // Telegram may refuse: it lets the bot write only soon after the request; the first message said it all
                actions.tellLater(request.userId(), texts.get("groups.request.expired",
                        "group", group.get().title(texts.language().code())), null);
            }
            log.info("join request {} of {} expired", request.id(), request.userId());
        }
    }

    /** Members of groups lacking an acceptance of a current version with a grace period get a notice. */
    void noticeRulesLapses() {
        for (ChatGroup group : groups.catalogue().all()) {
            if (!group.isActive()) {
                continue;
            }
            List<RulesVersion> current = groups.rules().currentFor(group.id());
            for (Membership membership : groups.memberships().in(group.id())) {
                for (RulesVersion version : current) {
                    if (version.graceUntil().isPresent()
                            && !groups.rules().hasAccepted(membership.userId(), version.id())) {
                        groups.notices().announce(membership.userId(), group.id(),
                                Notice.Reason.RULES_NOT_ACCEPTED, version.graceUntil().get());
                    }
                }
            }
        }
    }

    void carryOutNotices() {
        Instant now = clock.instant();
        for (Notice notice : groups.notices().open()) {
            Optional<ChatGroup> group = groups.catalogue().find(notice.groupId()).filter(ChatGroup::isActive);
            if (group.isEmpty() || !groups.memberships().isIn(notice.groupId(), notice.userId())) {
                groups.notices().resolve(notice.id(), "no longer in the group");
                continue;
            }
            Texts texts = textsOf(notice.userId());
            String title = group.get().title(texts.language().code());
            if (notice.reason() == Notice.Reason.RULES_NOT_ACCEPTED) {
                if (groups.rules().hasAcceptedCurrent(notice.userId(), group.get().id())) {
                    groups.notices().resolve(notice.id(), "accepted");
                    continue;
                }
                if (now.isBefore(notice.removeAfter())) {
                    if (notice.remindedAt().isEmpty() && now.isAfter(notice.removeAfter().minus(REMIND_BEFORE))) {
                        String reminder = group.get().removeOnRulesLapse() ? "groups.rules.reminder.remove"
                                : "groups.rules.reminder.stay";
                        // the reminder carries the full text: its button may record an acceptance of it
                        groups.rules().shown(notice.userId(), words.versionIds(List.of(group.get())));
                        actions.tellLater(notice.userId(), texts.get(reminder, "group", title, "deadline",
                                Deadline.at(notice.removeAfter(), config.zone(), texts)) + "\n\n"
                                + words.rules(List.of(group.get()), texts),
                                RulesAcceptance.acceptButton(group.get(), texts));
                        groups.notices().reminded(notice.id());
                    }
                    continue;
                }
                if (group.get().removeOnRulesLapse()) {
                    remove(group.get(), notice, "rules not accepted", texts.get("groups.rules.removed", "group", title));
                } else {
                    groups.notices().resolve(notice.id(), "kept: the group does not remove");
                }
            } else if (!now.isBefore(notice.removeAfter())) {
                if (words.check(notice.userId(), group.get()).isEmpty()) {
                    groups.notices().resolve(notice.id(), "eligible again");
                } else {
                    remove(group.get(), notice, "organisation left the network",
                            texts.get("groups.org.you.removed", "group", title));
                }
            }
        }
    }

    private void remove(ChatGroup group, Notice notice, String reason, String message) {
        GroupActions.Outcome outcome = actions.remove(group, notice.userId(), MembershipStatus.REMOVED, reason);
        if (outcome.done()) {
            groups.notices().resolve(notice.id(), "removed");
            auditLog.record(Optional.empty(), "group.remove", Optional.of(group.id()),
                    Optional.of(notice.userId()), "group " + group.code(), reason);
            actions.tellLater(notice.userId(), message, null);
        }
    }

    private Texts textsOf(long userId) {
        return messages.in(languages.of(userId));
    }
}
