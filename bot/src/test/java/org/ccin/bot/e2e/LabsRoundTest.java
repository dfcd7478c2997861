package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.plan.Action;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Policy Prototype round end to end through the fake Bot API: staff open and announce it, a member applies over a
 * restart and submits, a late submission is refused, a reviewer scores and comments, staff fund it within the
 * maximum and the budget, the applicant is told, and the funded action's first milestone reminder goes out.
 */
class LabsRoundTest {
    /** The round closes Wednesday 16 December 2026, 17:00 in London (17:00 UTC in winter). */
    static final Instant CLOSES = Instant.parse("2026-12-16T17:00:00Z");

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

    /** A registered member of an organisation of the network, subscribed to Policy Labs news. */
    private FakeUser member(long id, String name, String organisation, String language) {
        FakeUser user = bot.user(id, name).withUsername(name.toLowerCase() + "_" + id).withLanguage(language);
        bot.telegram.addUser(user);
        bot.store().members().recordContact(id, name, Optional.of(name.toLowerCase() + "_" + id), language);
        long organisationId = bot.store().organisations().findByName(organisation).orElseThrow().id();
        Member member = bot.store().members().saveProfile(id, new Profile(Optional.of(organisationId),
                Optional.empty(), Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("wales")));
        bot.store().newsletters().subscriptions().subscribe(member.id(), "policy-labs", "I agree", language);
        return user;
    }

    private ApplicationRepository applications() {
        return new ApplicationRepository(bot.store().database(), bot.clock);
    }

    private Application applicationOf(long telegramId) {
        return applications().ofPerson(telegramId).get(0);
    }

    private void openRound() {
        bot.send(staff, "/newround");
        bot.awaitText(staff.id(), "Which kind?");
        bot.tap(staff, "Policy Prototype");
        bot.awaitText(staff.id(), "The budget of the Policy Prototype round");
        bot.send(staff, "lots");
        bot.awaitText(staff.id(), "Please type a sum of whole pounds");
        bot.tap(staff, "Use £15,000");
        bot.awaitText(staff.id(), "The most one project can get");
        bot.send(staff, "£20,000");
        bot.awaitText(staff.id(), "cannot be more than the budget");
        bot.tap(staff, "Use £2,000");
        bot.awaitText(staff.id(), "When does it open?");
        bot.tap(staff, "Now");
        bot.awaitText(staff.id(), "When does it close?");
        bot.send(staff, "31/02/2026 17:00");
        bot.awaitText(staff.id(), "I could not read that date");
        bot.send(staff, "2026-12-16 17:00");
        bot.awaitText(staff.id(), "Applicants answer these questions");
        bot.tap(staff, "✅ Use these questions");
        ApiCall summary = bot.awaitText(staff.id(), "Closes Wednesday 16 December 2026, 17:00");
        assertThat(summary.text()).contains("Budget £15,000, up to £2,000 per project").contains("9 questions");
        bot.tap(staff, "🚀 Open and announce");
    }

    /** Types an answer and moves on. */
    private void answer(FakeUser user, String text) {
        bot.send(user, text);
        bot.awaitText(user.id(), "✅ Saved");
        bot.tap(user, "➡️ Next");
    }

    private String longAnswer(char letter) {
        return (letter + "word ").repeat(600).strip();
    }

    @Test
    @DisplayName("A round from opening to decision: announce, apply over a restart, submit, late refused, review, fund, remind")
    void roundFromOpeningToDecision() throws Exception {
        FakeUser ada = member(42, "Ada", "Cardiff Council", "en");
        FakeUser late = member(43, "Bryn", "Plymouth City Council", "en");
        FakeUser ann = member(44, "Ann", "Co-operative College", "en");

        openRound();
        bot.awaitText(staff.id(), "Policy Prototype round 1 is open and announced to 3 subscribers");
        ApiCall announcement = bot.awaitText(ada.id(), "Policy Prototype round 1 is open");
        assertThat(announcement.text()).contains("up to £2,000 per project").contains("closes Wednesday 16 December");

        // Ada applies from the announcement; her first answer comes in three long messages
        bot.tap(ada, "✍️ Apply: Policy Prototype round 1");
        bot.awaitText(ada.id(), "Question 1 of 9");
        String first = longAnswer('a');
        String second = longAnswer('b');
        String third = longAnswer('c');
        bot.send(ada, first);
        bot.awaitText(ada.id(), "✅ Saved");
        bot.send(ada, second);
        bot.awaitText(ada.id(), "✅ Saved");
        bot.send(ada, third);
        bot.awaitText(ada.id(), "✅ Saved (" + (first.length() + second.length() + third.length() + 4) + " characters");
        bot.tap(ada, "➡️ Next");
        bot.awaitText(ada.id(), "Question 2 of 9");

        bot.restart();
        // the draft and where she was survive the restart
        answer(ada, "Members of every category, in a co-producing working group.");
        bot.awaitText(ada.id(), "Question 3 of 9");
        answer(ada, "Accredited micro-credentials; numbers taking part.");
        answer(ada, "It builds members' capabilities.");
        answer(ada, "It is rooted in Values and Principles.");
        answer(ada, "Materials, a taster session and a newsletter report.");
        bot.awaitText(ada.id(), "Question 7 of 9");
        answer(ada, "Cllr Ada Jones");
        bot.awaitText(ada.id(), "Question 8 of 9");
        bot.send(ada, "Plymouth");
        bot.awaitText(ada.id(), "Which organisation is “Plymouth”?");
        bot.tap(ada, "Plymouth City Council");
        bot.awaitText(ada.id(), "Added Plymouth City Council");
        bot.send(ada, "The Development Co-operative");
        bot.awaitText(ada.id(), "Added The Development Co-operative");
        bot.send(ada, "Polesworth Parish Council of Nowhere");
        ApiCall added = bot.awaitReply(ada.id(), c -> c.text().contains("Added") || c.text().contains("Which organisation"));
        if (added.text().contains("Which organisation")) {
            bot.tap(ada, "Keep “Polesworth Parish Council of Nowhere”");
            bot.awaitText(ada.id(), "Added Polesworth Parish Council of Nowhere");
        }
        bot.tap(ada, "➡️ Next");
        bot.awaitText(ada.id(), "Question 9 of 9");
        bot.send(ada, "£5,000");
        bot.awaitText(ada.id(), "more than this round gives one project: at most £2,000");
        bot.send(ada, "-3");
        bot.awaitText(ada.id(), "Please type a sum of whole pounds above zero");
        bot.send(ada, "1,500");
        bot.awaitText(ada.id(), "That is your whole application");
        bot.tap(ada, "✅ Submit");
        bot.awaitText(ada.id(), "Submitted to Policy Prototype round 1");

        Application submitted = applicationOf(ada.id());
        bot.awaitText(staff.id(), "Application #" + submitted.id() + " from Cardiff Council is submitted");
        assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(submitted.answer("idea")).as("kept whole").contains(first + "\n\n" + second + "\n\n" + third);
        assertThat(submitted.answer("partners")).hasValueSatisfying(p -> assertThat(p.split("\n"))
                .containsExactly("Plymouth City Council", "The Development Co-operative",
                        "Polesworth Parish Council of Nowhere"));
        assertThat(submitted.answer("amount")).contains("1500");

        // Bryn starts a draft and is reminded 7 days and 1 day before closing, once each
        bot.send(late, "/apply");
        bot.awaitText(late.id(), "up to £2,000 per project");
        bot.tap(late, "✍️ Apply: Policy Prototype round 1");
        bot.awaitText(late.id(), "Question 1 of 9");
        bot.clock.set(CLOSES.minusSeconds(7 * 86_400 - 60));
        bot.runRoutineAsAct("labs-draft-reminders");
        bot.awaitText(late.id(), "not submitted yet (0 of 9 questions answered)");
        bot.runRoutine("labs-draft-reminders");
        bot.clock.set(CLOSES.minusSeconds(86_400 - 60));
        bot.runRoutineAsAct("labs-draft-reminders");
        bot.awaitText(late.id(), "(tomorrow)");
        bot.restart();
        long draftId = applicationOf(late.id()).id();
        List<OutboxRow> reminders = bot.store().outbox().byRef("labs-draft", draftId);
        assertThat(reminders).extracting(OutboxRow::dedupeKey)
                .containsExactlyInAnyOrder("labs-draft:" + draftId + ":7d", "labs-draft:" + draftId + ":1d");
        assertThat(bot.store().outbox().byRef("labs-draft", submitted.id())).as("submitted: no reminder").isEmpty();

        // after the closing time, the draft cannot be submitted
        bot.clock.set(CLOSES.plusSeconds(60));
        bot.forge(late, late.id(), 1, "labs:sb:" + draftId);
        bot.awaitText(late.id(), "closed on Wednesday 16 December 2026, 17:00");
        assertThat(applicationOf(late.id()).status()).isEqualTo(ApplicationStatus.DRAFT);

        // staff set the criteria and name Ann as a reviewer
        bot.send(staff, "/criteria 1 Fit with the aims; Value for money");
        bot.awaitText(staff.id(), "scored against 2 criteria");
        bot.send(staff, "/reviewer 1 @ann_44");
        bot.awaitText(staff.id(), "Ann reviews Policy Prototype round 1");
        bot.awaitText(ann.id(), "asked you to review Policy Prototype round 1");

        bot.send(ann, "/review");
        bot.awaitText(ann.id(), "Which round?");
        bot.tap(ann, "Policy Prototype round 1 (1 submitted)");
        ApiCall round = bot.awaitText(ann.id(), "left £15,000");
        assertThat(round.text()).contains("1 still in draft");
        bot.tap(ann, "#" + submitted.id() + " Cardiff Council: Submitted, waiting for a decision");
        ApiCall card = bot.awaitText(ann.id(), "Application #" + submitted.id());
        assertThat(TestBot.buttons(card)).contains("C1 ★4", "💬 Comment").doesNotContain("💷 Fund");
        bot.tap(ann, "C1 ★4");
        bot.awaitText(ann.id(), "average 4.0 (1 scores), yours 4");
        bot.tap(ann, "💬 Comment");
        bot.awaitText(ann.id(), "Type your comment");
        bot.send(ann, "Strong partners & clear outcomes");
        bot.awaitText(ann.id(), "💬 Ann: Strong partners &amp; clear outcomes");
        // a reviewer's forged Fund button decides nothing
        bot.forge(ann, ann.id(), 1, "labs:fd:" + submitted.id());
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("only the network's staff"));

        // staff fund it: over the maximum refused, then confirmed
        bot.send(staff, "/review");
        bot.awaitText(staff.id(), "Which round?");
        bot.tap(staff, "Policy Prototype round 1 (1 submitted)");
        bot.awaitText(staff.id(), "left £15,000");
        bot.tap(staff, "#" + submitted.id() + " Cardiff Council: Submitted, waiting for a decision");
        bot.awaitText(staff.id(), "💬 Ann: Strong partners");
        bot.tap(staff, "💷 Fund");
        bot.awaitText(staff.id(), "It asks £1,500; at most £2,000 per project, and £15,000 is left");
        bot.send(staff, "2500");
        bot.awaitText(staff.id(), "more than the round's maximum of £2,000: nothing was decided");
        bot.send(staff, "1500");
        ApiCall confirm = bot.awaitText(staff.id(), "Fund application #" + submitted.id() + " with <b>£1,500</b>?");
        String data = confirm.callbackData("✅ Yes, fund £1,500");
        // the same one-time id with another amount confirms nothing
        bot.forge(staff, staff.id(), confirm.resultMessageId().orElseThrow(), data.replace(":1500:", ":2000:"));
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("out of date"));
        assertThat(applicationOf(ada.id()).status()).isEqualTo(ApplicationStatus.SUBMITTED);
        bot.tap(staff, "✅ Yes, fund £1,500");
        bot.awaitText(staff.id(), "is funded with £1,500. <b>Budget left £13,500</b>");
        bot.awaitText(ada.id(), "Your application to Policy Prototype round 1 is funded with £1,500");
        // opening the round and the decision are in the staff's audit log, under their own kind
        assertThat(bot.store().auditLog().page(new org.ccin.store.audit.AuditFilter(Optional.empty(),
                Optional.empty(), Optional.of(org.ccin.store.audit.AuditKind.LABS)), 0, 10).entries())
                .extracting(org.ccin.store.audit.AuditEntry::action).contains("labs.round.open", "labs.fund");

        // the export, parsed back, holds the whole long answer
        bot.send(staff, "/review");
        bot.awaitText(staff.id(), "Which round?");
        bot.tap(staff, "Policy Prototype round 1 (1 submitted)");
        bot.awaitText(staff.id(), "left £13,500");
        bot.tap(staff, "#" + submitted.id() + " Cardiff Council: Funded");
        bot.awaitText(staff.id(), "Awarded £1,500");
        bot.tap(staff, "📄 PDF");
        ApiCall document = bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == staff.id());
        try (PDDocument pdf = Loader.loadPDF(document.uploads().get(0).content())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Application #" + submitted.id()).contains("Cardiff Council")
                    .contains("What is your idea?").contains("Cllr Ada Jones").contains("£1,500")
                    .contains(first).contains(third);
        }

        // the funded project is an action of the plan, led by Ada, reminded 14 days before its interim report
        Action action = bot.store().plans().byCode("PL1." + submitted.id()).get(0);
        assertThat(action.leads()).containsExactly("Cllr Ada Jones");
        assertThat(action.milestones()).hasSize(2);
        assertThat(action.milestones().get(0).dueDate()).contains(java.time.LocalDate.of(2027, 3, 16));
        bot.clock.set(Instant.parse("2027-03-02T09:05:00Z"));
        bot.runRoutineAsAct("reminders");
        bot.awaitReply(ada.id(), c -> c.text().contains("Action PL1." + submitted.id())
                && c.text().contains("How is it going?"));

        // and anyone can ask about it by its code, in plain words
        bot.send(ada, "how is pl1." + submitted.id() + " going?");
        bot.awaitReply(ada.id(), c -> c.text().contains("PL1." + submitted.id()) && c.text().contains("Interim report"));
    }
}
