package org.ccin.bot.routing;

/**
 * Told when someone has just finished registering, so that a feature can pick up what was waiting for them (a join
 * request they sent before registering) without registration knowing the feature.
 */
public interface RegistrationListener {
    /** Called after the registration's last answer was saved and confirmed; the context is that tap's. */
    void registered(Context context);
}
