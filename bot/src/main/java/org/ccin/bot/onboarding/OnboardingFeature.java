package org.ccin.bot.onboarding;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.store.Store;

/** Wires registration: /start (with its start links), the registration steps, and /profile to change them. */
public final class OnboardingFeature implements Feature {
    @Override
    public int helpOrder() {
        return 10;
    }

    @Override
    public void addTo(Features features, Services services) {
        Store store = services.store();
        RegistrationFlow registration = new RegistrationFlow(store.conversations(), store.members(),
                store.organisations(), store.referenceData(), services.messages(), features::registrationListeners);
        ProfileCommand profile = new ProfileCommand(registration, store.members());
        features.command(new StartCommand(registration, store.members(), features::startLinks))
                .command(profile)
                .flow(registration)
                .callback(registration.buttons())
                .callback(profile.buttons());
    }
}
