package org.ccin.store.plan;

import java.time.Instant;
import java.util.Optional;

/**
 * A note a lead (or staff) left on an action, as the plan shows it.
 *
 * @param author who wrote it, in the words the plan may publish
 * @param leadName the plan's name of the lead the writer stands behind ("Values and Principles Board"), when known;
 *                 never the member's own name, because the plan page can be public
 */
public record ActionNote(long id, long actionId, Author author, Optional<String> leadName, String text, Instant at) {

    public enum Author {
        /** A member linked to the action as one of its leads (or who was, when the note was written). */
        LEAD,
        /** A lead whose data has been erased. */
        FORMER_LEAD,
        /** Recorded without a member, by staff. */
        STAFF
    }
}
