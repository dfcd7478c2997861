package org.ccin.bot.privacy;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.groups.GroupActions;
import org.ccin.bot.routing.Features;
import org.ccin.store.Store;

/** Wires members' data rights and the nightly pruning. */
public final class PrivacyFeature implements Feature {
    @Override
    public int helpOrder() {
        return 90;
    }

    @Override
    public void addTo(Features features, Services services) {
        Store store = services.store();
        ForgetMeCommand forget = new ForgetMeCommand(store.confirmations(), store.personalData(),
                store.groups().memberships(), store.groups().catalogue(),
                new GroupActions(services.store().groups(), services.store().members(), services.sender(), services.clock()));
        features.command(new PrivacyCommand())
                .command(new MyDataCommand(store.personalData(), services.sender(), services.clock()))
                .command(forget).callback(forget.buttons())
                .routine(new RetentionRoutine(store.retention(), services.config().retention()));
    }
}
