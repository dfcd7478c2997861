package org.ccin.bot.groups;

import java.util.Optional;
import java.util.function.Supplier;
import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.groups.Groups;

/**
 * Wires the groups feature: commands, buttons, flows, group events, the moderators' role and its routine. The one
 * class of the package that sees the whole store: it hands each class the repositories it uses.
 */
public final class GroupsFeature implements Feature {
    @Override
    public int helpOrder() {
        return 50;
    }

    @Override
    public void addTo(Features features, Services services) {
        Store store = services.store();
        Groups groups = store.groups();
        BotConfig config = services.config();
        GroupsData data = new GroupsData(groups, store.members(), store.organisations(), store.referenceData(),
                store.conversations(), store.auditLog(), store.outbox(), store.confirmations());
        // the bot's own user id, once Telegram told it (to check its rights in a group)
        Supplier<Optional<Long>> botId = services.identity()::id;
        GroupActions actions = new GroupActions(groups, store.members(), services.sender(), services.clock());
        GroupWords words = new GroupWords(store.members(), store.organisations(), store.referenceData(),
                groups.rules());
        StaffAlerts staff = new StaffAlerts(config.staff(), services.messages(), services.languages(), actions);
        CatalogueCommand catalogue = new CatalogueCommand(data, words, actions, config, staff, services.clock());
        MyGroupsCommand mine = new MyGroupsCommand(groups, actions);
        JoinRequests requests = new JoinRequests(groups, words, actions, config);
        GroupSetup setup = new GroupSetup(data, actions, config);
        EditRulesCommand editRules = new EditRulesCommand(data, services.messages(), services.outbox(), config,
                services.clock());
        VerifyCommand verify = new VerifyCommand(data, actions, services.messages(), config);
        ReportCards cards = new ReportCards(groups, store.members(), actions, services.messages(),
                services.languages(), config);
        OrganisationCommand organisation = new OrganisationCommand(data, actions, services.messages(), config,
                services.clock());
        ModerationActions moderation = new ModerationActions(groups, store.auditLog(), actions, cards,
                services.messages(), services.languages(), config);
        features.command(catalogue).callback(catalogue.buttons()).flow(catalogue)
                .command(mine).callback(mine.buttons())
                .command(new GroupRulesCommand(groups.catalogue(), words))
                .command(new ReportCommand(groups.catalogue(), groups.moderation(), cards))
                .command(new WelcomeHereCommand(groups.catalogue(), config))
                .callback(moderation.buttons())
                .callback(requests.buttons()).event(requests).onRegistered(requests)
                .event(new MemberChanges(groups, services.sender(), services.messages(), config, services.clock(),
                        staff))
                .callback(new RulesAcceptance(groups, words).buttons())
                .command(new RegisterGroupCommand(groups.catalogue(), store.auditLog(), services.sender(), setup,
                        botId))
                .command(setup).callback(setup.buttons()).flow(setup)
                .command(editRules).callback(editRules.buttons()).flow(editRules)
                .command(verify).callback(verify.buttons())
                .command(organisation).callback(organisation.buttons())
                .roles(new ModeratorRoles(groups.catalogue()))
                .routine(new GroupRoutine(groups, store.auditLog(), actions, words, services.messages(),
                        services.languages(), config, services.clock()));
    }
}
