package org.ccin.bot.labs;

import java.util.Set;
import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.access.Role;
import org.ccin.bot.dashboard.StaffSessions;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Features;
import org.ccin.bot.routing.StaffPage;
import org.ccin.store.Store;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.RoundRepository;

/**
 * Wires Policy Lab and Prototype rounds: /newround, /reviewer and /criteria for staff, /apply for members, /review
 * for staff and named reviewers, the reminders to unfinished drafts, and the dashboard's rounds page.
 */
public final class LabsFeature implements Feature {
    @Override
    public void addTo(Features features, Services services) {
        Store store = services.store();
        LabRecords records = new LabRecords(new RoundRepository(store.database(), services.clock()),
                new ApplicationRepository(store.database(), services.clock()), store.members(), store.organisations(),
                store.auditLog());
        RoundWords words = new RoundWords(services.config().zone());
        Rights rights = new Rights(services.config(), records.rounds());
        ApplicationText text = new ApplicationText(records, words);
        Announcer announcer = new Announcer(store.newsletters().issues(), store.outbox(), services.outbox(),
                services.messages(), words);
        Decisions decisions = new Decisions(records, store.plans(), store.reminders().leads(), store.caseStudies(),
                store.outbox(), services.outbox(), services.messages(), words, services.clock());
        RoundSetupFlow setup = new RoundSetupFlow(records, store.conversations(), announcer, words, services.clock());
        StaffNotices staffNotices = new StaffNotices(services.config().staff(), services.messages(),
                services.languages(), store.outbox(), services.outbox(), services.clock());
        ApplicationFlow apply = new ApplicationFlow(records, store.conversations(), store.confirmations(), text,
                words, staffNotices, services.clock());
        ApplyCommand applyCommand = new ApplyCommand(records, apply, words, services.clock());
        ReviewDesk review = new ReviewDesk(records, rights, store.conversations(), text, words,
                services.publicUrl(), store.webLogins());
        DecisionFlow decide = new DecisionFlow(records, rights, review, store.conversations(), store.confirmations(),
                decisions);
        Exports exports = new Exports(records, rights, text, words, services.sender());
        RoundSettingsCommands settings = new RoundSettingsCommands(records, words, services.messages());

        ButtonHandlers<LabsButton> buttons = LabsButton.SET.handlers()
                .guard((context, button) -> allowed(context, rights, button))
                .on(LabsButton.Kind.class, setup::tap).on(LabsButton.Suggested.class, setup::tap)
                .on(LabsButton.OpensNow.class, setup::tap).on(LabsButton.StandardQuestions.class, setup::tap)
                .on(LabsButton.OpenRound.class, setup::tap)
                .on(LabsButton.Apply.class, applyCommand::apply)
                .on(LabsButton.Next.class, apply::next).on(LabsButton.Back.class, apply::back)
                .on(LabsButton.Edit.class, apply::edit).on(LabsButton.Clear.class, apply::clear)
                .on(LabsButton.Preview.class, apply::preview).on(LabsButton.Submit.class, apply::submit)
                .on(LabsButton.PickPartner.class, apply.partners()::pick)
                .on(LabsButton.TypedPartner.class, apply.partners()::keepTyped)
                .on(LabsButton.DeleteDraft.class, apply::delete).on(LabsButton.ConfirmDelete.class, apply::confirmDelete)
                .on(LabsButton.Export.class, exports::export)
                .on(LabsButton.OpenReview.class, review::openRound)
                .on(LabsButton.OpenSubmission.class, review::openSubmission)
                .on(LabsButton.ReadInFull.class, review::readInFull).on(LabsButton.Rate.class, review::rate)
                .on(LabsButton.AddComment.class, review::addComment)
                .on(LabsButton.WebLink.class, review::webLink)
                .on(LabsButton.Fund.class, decide::fund).on(LabsButton.ConfirmFund.class, decide::confirmFund)
                .on(LabsButton.Decline.class, decide::decline)
                .on(LabsButton.ConfirmDecline.class, decide::confirmDecline)
                .on(LabsButton.ChangeReason.class, decide::changeReason)
                .on(LabsButton.CancelDecline.class, decide::cancelDecline)
                .on(LabsButton.Publish.class, decide::publish);

        features.command(applyCommand).command(review).command(setup).command(settings.reviewer())
                .command(settings.criteria())
                .flow(setup).flow(apply).flow(review).flow(decide)
                .callback(buttons.build())
                .roles(id -> rights.isStaff(id) || records.rounds().isAnyReviewer(id) ? Set.of(Role.REVIEWER)
                        : Set.of())
                .routine(new FundedProjects(records, decisions))
                .routine(new DraftReminders(records, store.outbox(), services.outbox(), services.messages(), words,
                        services.clock()))
                .web(new LabPages(records, rights, new StaffSessions(store.webLogins(), services.config()),
                        services.messages(), text, exports, words))
                .staffPage(new StaffPage("labs-link", "labs.web.title", LabPages.PATH));
    }

    /** Set-up and decisions are for staff only, whatever the button says; the rest is checked by each handler. */
    private static boolean allowed(Context context, Rights rights, LabsButton button) {
        boolean staffOnly = button instanceof LabsButton.Setup || button instanceof LabsButton.Decide;
        if (staffOnly && !rights.isStaff(context.userId())) {
            Texts texts = context.texts();
            context.reply().alert(texts.plain("access.staff.only"));
            return false;
        }
        return true;
    }
}
