package org.ccin.bot.newsletters;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/**
 * The buttons of /subscribe. Public because registration offers the screen at its end with {@link Menu}:
 * {@code SubscriptionButton.SET.data(new SubscriptionButton.Menu())}.
 */
public sealed interface SubscriptionButton {
    ButtonSet<SubscriptionButton> SET = ButtonSet.of("nls", SubscriptionButton.class);

    /** Shows the screen: the topics, each with a tick when the member gets it. */
    @ButtonCode("m")
    record Menu() implements SubscriptionButton {
    }

    /** Subscribes to the topic (its code), or unsubscribes when subscribed. */
    @ButtonCode("t")
    record Toggle(String topic) implements SubscriptionButton {
    }

    /** Ends every subscription. */
    @ButtonCode("off")
    record StopAll() implements SubscriptionButton {
    }

    /** Done: what the member gets now, in words. */
    @ButtonCode("done")
    record Finish() implements SubscriptionButton {
    }
}
