package org.ccin.store.newsletters;

import java.time.Clock;
import org.ccin.store.Database;

/** The store of the newsletters feature: subscriptions and newsletters. */
public final class Newsletters {
    private final SubscriptionRepository subscriptions;
    private final NewsletterRepository issues;

    public Newsletters(Database database, Clock clock) {
        this.subscriptions = new SubscriptionRepository(database, clock);
        this.issues = new NewsletterRepository(database, clock);
    }

    public SubscriptionRepository subscriptions() {
        return subscriptions;
    }

    public NewsletterRepository issues() {
        return issues;
    }
}
