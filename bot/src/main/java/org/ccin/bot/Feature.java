package org.ccin.bot;

import org.ccin.bot.routing.Features;

/**
 * One thing the bot can do, wired from {@link Services}: its commands, buttons, flows, routines and pages. A feature
 * is a public class named {@code <Name>Feature} directly in a package of its own under {@code org.ccin.bot}, with a
 * public constructor that takes nothing; {@link BotFeatures} finds every one among the packaged classes, so adding
 * a feature is adding its package, and nothing is edited elsewhere.
 */
public interface Feature {
    /**
     * Where its commands come in /help, lower first; features with the same number come in the order of their
     * names. The ones of the first round are 10, 20, … 90; a new feature needs no number unless it wants a place
     * among them.
     */
    default int helpOrder() {
        return 1000;
    }

    void addTo(Features features, Services services);
}
