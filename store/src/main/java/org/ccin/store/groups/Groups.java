package org.ccin.store.groups;

import java.time.Clock;
import org.ccin.store.Database;

/** The repositories of the groups feature, built together. Thread-safe. */
public final class Groups {
    private final GroupRepository groups;
    private final RulesRepository rules;
    private final MembershipRepository memberships;
    private final JoinRequestRepository joinRequests;
    private final ModerationRepository moderation;
    private final NoticeRepository notices;

    public Groups(Database database, Clock clock) {
        this.groups = new GroupRepository(database, clock);
        this.rules = new RulesRepository(database, clock);
        this.memberships = new MembershipRepository(database, clock);
        this.joinRequests = new JoinRequestRepository(database, clock);
        this.moderation = new ModerationRepository(database, clock);
        this.notices = new NoticeRepository(database, clock);
    }

    public GroupRepository catalogue() {
        return groups;
    }

    public RulesRepository rules() {
        return rules;
    }

    public MembershipRepository memberships() {
        return memberships;
    }

    public JoinRequestRepository joinRequests() {
        return joinRequests;
    }

    public ModerationRepository moderation() {
        return moderation;
    }

    public NoticeRepository notices() {
        return notices;
    }
}
