package org.ccin.bot.delivery;

import java.util.Optional;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;

/**
 * Told how each stored message ended, for the feature that queued it (a reminder keeps the message id to edit it
 * later; a newsletter counts its deliveries). Called on a sender thread: must be quick and must not throw.
 */
@FunctionalInterface
public interface DeliveryListener {
    void delivered(OutboxRow row, OutboxStatus outcome, Optional<Integer> messageId);
}
