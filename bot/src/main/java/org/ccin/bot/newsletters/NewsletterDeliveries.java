package org.ccin.bot.newsletters;

import java.util.Optional;
import org.ccin.bot.delivery.DeliveryListener;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each settled delivery of a newsletter moves its report on, and the last one closes it. */
final class NewsletterDeliveries implements DeliveryListener {
    private static final Logger log = LoggerFactory.getLogger(NewsletterDeliveries.class);

    private final Broadcasts broadcasts;

    NewsletterDeliveries(Broadcasts broadcasts) {
        this.broadcasts = broadcasts;
    }

    @Override
    public void delivered(OutboxRow row, OutboxStatus outcome, Optional<Integer> messageId) {
        try {
            broadcasts.delivered(row.refId());
        } catch (RuntimeException e) {
            // the routine closes it on its next run
            log.warn("newsletter {}: updating its report failed", row.refId(), e);
        }
    }
}
