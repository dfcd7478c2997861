package org.ccin.bot.privacy;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.groups.GroupActions;
import org.ccin.bot.routing.Features;

/** Wires members' data rights and the nightly pruning. */
public final class PrivacyFeature implements Feature {
    @Override
    public int helpOrder() {
        return 90;
    }

    @Override
    public void addTo(Features features, Services services) {
        ForgetMeCommand forget = new ForgetMeCommand(services.store(),
                new GroupActions(services.store(), services.sender(), services.clock()));
        features.command(new PrivacyCommand())
                .command(new MyDataCommand(services.store().personalData(), services.sender(), services.clock()))
                .command(forget).callback(forget)
                .routine(new RetentionRoutine(services.store(), services.config().retention()));
    }
}
