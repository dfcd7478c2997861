package org.ccin.bot.groups;

import java.util.Optional;
import java.util.function.Supplier;
import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.store.Store;

/** Wires the groups feature: commands, buttons, flows, group events, the moderators' role and its routine. */
public final class GroupsFeature implements Feature {
    @Override
    public int helpOrder() {
        return 50;
    }

    @Override
    public void addTo(Features features, Services services) {
        // the bot's own user id, once Telegram told it (to check its rights in a group)
        Supplier<Optional<Long>> botId = services.identity()::id;
        Store store = services.store();
        GroupsData data = new GroupsData(store.groups(), store.members(), store.organisations(), store.referenceData(),
                store.conversations(), store.auditLog(), store.outbox());
        GroupActions actions = new GroupActions(services.store(), services.sender(), services.clock());
        GroupWords words = new GroupWords(services.store());
        StaffAlerts staff = new StaffAlerts(services.config().staff(), services.messages(), services.languages(), actions);
        CatalogueCommand catalogue = new CatalogueCommand(services.store(), words, actions, services.config(), staff,
                services.clock());
        MyGroupsCommand mine = new MyGroupsCommand(store.groups(), actions);
        JoinRequests requests = new JoinRequests(services.store(), words, actions, services.config());
        GroupSetup setup = new GroupSetup(services.store(), actions, services.config());
        EditRulesCommand editRules = new EditRulesCommand(services.store(), services.messages(), services.outbox(),
                services.config(), services.clock());
        VerifyCommand verify = new VerifyCommand(data, actions, services.messages(), services.config());
        ReportCards cards = new ReportCards(services.store(), actions, services.messages(), services.languages(),
                services.config());
        OrganisationCommand organisation = new OrganisationCommand(data, actions, services.messages(),
                services.config(), services.clock());
        features.command(catalogue).callback(catalogue).flow(catalogue)
                .command(mine).callback(mine.buttons())
                .command(new GroupRulesCommand(services.store(), words))
                .command(new ReportCommand(services.store(), cards))
                .command(new WelcomeHereCommand(services.store(), services.config()))
                .callback(new ModerationActions(services.store(), actions, cards, services.messages(),
                        services.languages(), services.config()))
                .callback(requests).event(requests).onRegistered(requests)
                .event(new MemberChanges(services.store(), services.sender(), services.messages(), services.config(),
                        services.clock(), staff))
                .callback(new RulesAcceptance(services.store(), words))
                .command(new RegisterGroupCommand(services.store(), services.sender(), setup, botId))
                .command(setup).callback(setup).flow(setup)
                .command(editRules).callback(editRules).flow(editRules)
                .command(verify).callback(verify.buttons())
                .command(organisation).callback(organisation.buttons())
                .roles(new ModeratorRoles(services.store().groups().catalogue()))
                .routine(new GroupRoutine(services.store(), actions, words, services.messages(), services.languages(),
                        services.config(), services.clock()));
    }
}
