package org.ccin.store.reminders;

import java.time.Instant;
import java.util.Optional;

/**
 * A member linked to an action as (one of the people behind) one of its named leads.
 *
 * @param leadName the lead as the plan names it ("Values and Principles Board")
 * @param telegramUserId the member's Telegram id, to write to them
 */
public record LeadLink(long id, long actionId, String leadName, long memberId, long telegramUserId, String firstName,
                       Optional<String> username, Status status, Method how, Instant linkedAt) {

    /** DECLINED: they said "Not me"; they are not reminded. */
    public enum Status { ACTIVE, DECLINED }

    /** How staff linked them. */
    public enum Method { USERNAME, PICKED, CLAIMED }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
