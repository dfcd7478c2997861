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
        Language language = services.languages().fallback();
        ReminderPolicy policy = new ReminderPolicy(config.reminders(), config.zone());
        ReminderCards cards = new ReminderCards(config.zone(), services.clock());
        StaffNotices staff = new StaffNotices(config.staff(), services.messages(), services.languages(), store.outbox(),
                services.outbox(), services.clock());
        ReminderSweep sweep = new ReminderSweep(store, policy, cards, services.messages(), services.clock(), language);
        NoteFlow notes = new NoteFlow(store, staff);
        ClaimLinks claims = new ClaimLinks(store, services.identity(), config.reminders().claimLinkLifetime(), staff);
        LeadsCommand leads = new LeadsCommand(store, config, new LeadIntroductions(services.messages(), language),
                claims, sweep, services.clock());
        features.command(new MyActionsCommand(store, cards))
                .callback(new ReminderAnswers(store, cards, staff, notes, policy, services.clock()))
                .flow(notes)
                .command(leads).callback(leads).flow(leads)
                .startLink(claims).callback(claims)
                .roles(new LeadRoles(store.reminders().leads()))
                .delivery(ReminderSweep.KIND, new ReminderDeliveries(store, staff))
                .routine(new ReminderRoutine(sweep,
                        new Escalations(store, staff, cards, config.reminders().escalateAfter(), services.clock()),
                        new WeeklyDigest(store, staff, cards, services.clock(), config.zone(),
                                config.reminders().digestDay(), config.reminders().digestTime()),
                        services.outbox()));
    }
}
