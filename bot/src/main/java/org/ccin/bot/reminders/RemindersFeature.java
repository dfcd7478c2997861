package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;

/**
 * Wires the reminders feature: leads linked to actions, milestone reminders and their answers, staff alerts,
 * escalation and the weekly digest.
 */
public final class RemindersFeature implements Feature {
    @Override
    public int helpOrder() {
        return 60;
    }

    @Override
    public void addTo(Features features, Services services) {
        BotConfig config = services.config();
        Store store = services.store();
        RemindersData data = new RemindersData(store.plans(), store.members(), store.reminders().leads(),
                store.reminders().schedule(), store.reminders().progress(), store.auditLog());
        Language language = services.languages().fallback();
        ReminderPolicy policy = new ReminderPolicy(config.reminders(), config.zone());
        ReminderCards cards = new ReminderCards(config.zone(), services.clock());
        StaffNotices staff = new StaffNotices(config.staff(), services.messages(), services.languages(), store.outbox(),
                services.outbox(), services.clock());
        ReminderSweep sweep = new ReminderSweep(data.schedule(), data.plans(), policy, cards, services.messages(),
                services.clock(), language);
        NoteFlow notes = new NoteFlow(data, store.conversations(), staff);
        ClaimLinks claims = new ClaimLinks(data, services.identity(), config.reminders().claimLinkLifetime(), staff,
                services.clock());
        LeadSearchFlow search = new LeadSearchFlow(data.plans(), data.members(), store.conversations(), config);
        LeadsCommand leads = new LeadsCommand(data, search, config, new LeadIntroductions(services.messages(), language),
                claims, sweep, services.clock());
        features.command(new MyActionsCommand(data.leads(), data.plans(), cards))
                .callback(new ReminderAnswers(data, cards, staff, notes, policy, services.clock()).buttons())
                .flow(notes)
                .command(leads).callback(leads.buttons()).flow(search)
                .startLink(claims).callback(claims.buttons())
                .roles(new LeadRoles(data.leads()))
                .delivery(ReminderSweep.KIND, new ReminderDeliveries(data.plans(), data.members(), staff))
                .routine(new ReminderRoutine(sweep,
                        new Escalations(data.schedule(), data.plans(), staff, cards,
                                config.reminders().escalateAfter(), services.clock()),
                        new WeeklyDigest(data, staff, cards, services.clock(), config.zone(),
                                config.reminders().digestDay(), config.reminders().digestTime()),
                        services.outbox()));
    }
}
