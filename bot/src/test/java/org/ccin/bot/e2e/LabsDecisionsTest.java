package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.i18n.Html;
import org.ccin.store.audit.AuditEntry;
import org.ccin.store.audit.AuditFilter;
import org.ccin.store.audit.AuditKind;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.ApplicationStatus;
import org.ccin.store.labs.NewRound;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;
import org.ccin.store.labs.RoundRepository;
import org.ccin.store.labs.Score;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.plan.Milestone;
import org.ccin.store.reminders.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What happens around a decision, through the fake Bot API: a draft's PDF is not a reviewer's; Not funded is shown
 * as the applicant will read it (English and Welsh) and confirmed before anything is sent; scores stay as they were
 * once decided, and criteria once scored; funding with no current plan says so; the case study is the final report;
 * draft reminders say the time really left; an answer dense in &amp; &lt; &gt; is shown whole within Telegram's limit.
 */
class LabsDecisionsTest {
    private static final List<String> QUESTIONS = List.of("idea", "workwith", "outcomes", "aims", "values", "learning",
            "lead", "partners", "amount");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_\\-]+)\"");

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private RoundRepository rounds;
    private ApplicationRepository applications;
    private Round round;
    private FakeUser ada;
    private FakeUser cai;
    private Application adas;
    private Application cais;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        rounds = new RoundRepository(bot.store().database(), bot.clock);
        applications = new ApplicationRepository(bot.store().database(), bot.clock);
        round = rounds.create(new NewRound(RoundKind.PROTOTYPE, 15_000, 2_000, bot.clock.instant(),
                bot.clock.instant().plus(Duration.ofDays(20)), QUESTIONS, "policy-labs", TestBot.STAFF_ID));
        ada = member(42, "Ada", "Cardiff Council", "en");
        cai = member(45, "Cai", "Plymouth City Council", "cy");
        adas = submitted(42, "Cardiff Council", "Ada's idea");
        cais = submitted(45, "Plymouth City Council", "Syniad Cai");
    }

    private FakeUser member(long id, String name, String organisation, String language) {
        String username = name.toLowerCase() + "_" + id;
        FakeUser user = bot.user(id, name).withUsername(username).withLanguage(language);
        bot.telegram.addUser(user);
        bot.store().members().recordContact(id, name, Optional.of(username), language);
        bot.store().members().saveProfile(id, new Profile(bot.store().organisations().findByName(organisation)
                .map(o -> o.id()), Optional.empty(), Optional.of("full"), Optional.of(WorkRole.OFFICER),
                Optional.of("wales")));
        return user;
    }

    private Application draft(long userId, String organisation) {
        long memberId = bot.store().members().findByTelegramId(userId).orElseThrow().id();
        return applications.startOrFind(round.id(), memberId, userId,
                bot.store().organisations().findByName(organisation).map(o -> o.id()));
    }

    private Application submitted(long userId, String organisation, String idea) {
        Application application = draft(userId, organisation);
        for (String question : QUESTIONS) {
            applications.setAnswer(application.id(), question, question.equals("amount") ? "1200"
                    : question.equals("idea") ? idea : "An answer to " + question);
        }
        applications.submit(application.id());
        return applications.find(application.id()).orElseThrow();
    }

    private void awaitAlert(String fragment) {
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }

    private List<ApiCall> sentTo(long chatId, String fragment) {
        return bot.telegram.calls("sendmessage").stream().filter(c -> c.ok() && c.chatId() == chatId
                && c.text().contains(fragment)).toList();
    }

    private List<String> auditActions() {
        return bot.store().auditLog().page(new AuditFilter(Optional.empty(), Optional.empty(),
                Optional.of(AuditKind.LABS)), 0, 50).entries().stream().map(AuditEntry::action).toList();
    }

    private void openCard(Application application, String organisation) {
        bot.send(staff, "/review");
        bot.awaitText(staff.id(), "Which round?");
        bot.tap(staff, "Policy Prototype round " + round.id() + " (2 submitted)");
        bot.awaitText(staff.id(), "left £15,000");
        bot.tap(staff, "#" + application.id() + " " + organisation + ": Submitted, waiting for a decision");
        bot.awaitText(staff.id(), "Application #" + application.id());
    }

    @Test
    @DisplayName("A reviewer's forged Export of an unsubmitted draft sends nothing; its author and staff have its PDF")
    void draftsAreNotReviewersToExport() {
        FakeUser ann = member(44, "Ann", "Co-operative College", "en");
        FakeUser bryn = member(43, "Bryn", "Oldham Council", "en");
        rounds.addReviewer(round.id(), ann.id(), TestBot.STAFF_ID);
        Application brynsDraft = draft(43, "Oldham Council");
        applications.setAnswer(brynsDraft.id(), "idea", "Bryn's unfinished idea");

        bot.forge(ann, ann.id(), 1, "labs:ex:" + brynsDraft.id());
        awaitAlert("not yours to see");
        // the submitted application of her round is hers to export, as before
        bot.forge(ann, ann.id(), 1, "labs:ex:" + adas.id());
        ApiCall document = bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == ann.id());
        assertThat(document.uploads().get(0).fileName()).endsWith("-" + adas.id() + ".pdf");
        assertThat(bot.telegram.calls("senddocument").stream().filter(c -> c.chatId() == ann.id())).hasSize(1);

        bot.forge(bryn, bryn.id(), 1, "labs:ex:" + brynsDraft.id());
        bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == bryn.id());
        bot.forge(staff, staff.id(), 1, "labs:ex:" + brynsDraft.id());
        bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == staff.id());
    }

    @Test
    @DisplayName("Not funded: the reason is shown as the applicant will read it, changed or cancelled, and sent only on Yes, in English and Welsh")
    void declineEndToEnd() {
        openCard(adas, "Cardiff Council");
        bot.tap(staff, "✖️ Not funded");
        ApiCall ask = bot.awaitText(staff.id(), "Why is application #" + adas.id() + " not funded?");
        assertThat(ask.text()).contains("/cancel").contains("up to 1000 characters");

        bot.send(staff, "x".repeat(1001));
        bot.awaitText(staff.id(), "That reason has 1001 characters; please keep it to 1000");
        bot.send(staff, "Too close to the Cardiff & Vale lab");
        ApiCall first = bot.awaitText(staff.id(), "Not fund application #" + adas.id() + "?");
        assertThat(first.text()).contains("<blockquote>Your application to Policy Prototype round " + round.id()
                + " was not funded this time. The reason: Too close to the Cardiff &amp; Vale lab");
        String firstYes = first.callbackData("✅ Yes, not funded: send it");
        bot.tap(staff, "✏️ Change the reason");
        bot.awaitText(staff.id(), "Why is application #" + adas.id() + " not funded?");
        bot.send(staff, "The budget went to projects with more councils taking part.");
        ApiCall second = bot.awaitText(staff.id(), "Not fund application #" + adas.id() + "?");
        // the first preview's Yes was for the first reason: it sends nothing now
        bot.forge(staff, staff.id(), first.resultMessageId().orElseThrow(), firstYes);
        awaitAlert("out of date");
        bot.tap(staff, "✖️ Cancel");
        bot.awaitText(staff.id(), "Nothing was decided and nothing was sent");
        // cancelled: the second preview's Yes is out of date too
        bot.forge(staff, staff.id(), second.resultMessageId().orElseThrow(),
                second.callbackData("✅ Yes, not funded: send it"));
        awaitAlert("out of date");
        assertThat(applications.find(adas.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(sentTo(ada.id(), "not funded")).isEmpty();

        // again, and this time Yes
        bot.tap(staff, "✖️ Not funded");
        bot.awaitText(staff.id(), "Why is application #" + adas.id() + " not funded?");
        bot.send(staff, "The budget went to projects with more councils taking part.");
        ApiCall confirm = bot.awaitText(staff.id(), "Not fund application #" + adas.id() + "?");
        bot.tap(staff, "✅ Yes, not funded: send it");
        bot.awaitText(staff.id(), "Application #" + adas.id() + " is not funded; the applicant is told the reason");
        ApiCall told = bot.awaitText(ada.id(), "was not funded this time");
        assertThat(told.text()).isEqualTo("Your application to Policy Prototype round " + round.id()
                + " was not funded this time. The reason: The budget went to projects with more councils taking "
                + "part.\n\nThank you for applying. Ask the network's staff if you would like to talk it over.");
        assertThat(confirm.text()).contains(told.text());
        Application declined = applications.find(adas.id()).orElseThrow();
        assertThat(declined.status()).isEqualTo(ApplicationStatus.NOT_FUNDED);
        assertThat(declined.reason()).contains("The budget went to projects with more councils taking part.");
        // once: the same Yes again decides and sends nothing more
        bot.forge(staff, staff.id(), confirm.resultMessageId().orElseThrow(),
                confirm.callbackData("✅ Yes, not funded: send it"));
        awaitAlert("out of date");
        assertThat(sentTo(ada.id(), "was not funded this time")).hasSize(1);

        // Cai reads Welsh: staff see the Welsh message before it goes
        bot.forge(staff, staff.id(), 1, "labs:nf:" + cais.id());
        bot.awaitText(staff.id(), "Why is application #" + cais.id() + " not funded?");
        bot.send(staff, "Roedd y gyllideb wedi'i gwario.");
        ApiCall welsh = bot.awaitText(staff.id(), "Not fund application #" + cais.id() + "?");
        assertThat(welsh.text()).contains("Ni chafodd eich cais i Cylch " + round.id()
                + " Prototeipiau Polisi ei gyllido y tro hwn. Y rheswm: Roedd y gyllideb wedi'i gwario.");
        bot.tap(staff, "✅ Yes, not funded: send it");
        bot.awaitText(staff.id(), "Application #" + cais.id() + " is not funded");
        assertThat(bot.awaitText(cai.id(), "Ni chafodd eich cais").text())
                .contains("Y rheswm: Roedd y gyllideb wedi'i gwario.").contains("Diolch am wneud cais");
        assertThat(auditActions().stream().filter("labs.decline"::equals)).hasSize(2);

        // a reviewer cannot decline, even with a forged Yes
        FakeUser ann = member(44, "Ann", "Co-operative College", "en");
        rounds.addReviewer(round.id(), ann.id(), TestBot.STAFF_ID);
        bot.forge(ann, ann.id(), 1, "labs:ny:" + adas.id() + ":AAAAAAAAAAAAAAAA");
        awaitAlert("only the network's staff");
    }

    @Test
    @DisplayName("Once decided, scores stay as they were (chat and web); once scored, criteria stay; /criteria is audited")
    void scoresAndCriteriaAfterTheFact() throws Exception {
        FakeUser ann = member(44, "Ann", "Co-operative College", "en");
        rounds.addReviewer(round.id(), ann.id(), TestBot.STAFF_ID);
        bot.send(staff, "/criteria " + round.id() + " Fit with the aims; Value for money");
        bot.awaitText(staff.id(), "scored against 2 criteria");
        assertThat(auditActions()).contains("labs.criteria");

        bot.forge(ann, ann.id(), 1, "labs:sc:" + adas.id() + ":0:4");
        bot.awaitText(ann.id(), "average 4.0 (1 scores), yours 4");
        // changing the criteria now would hand Ann's score to another criterion: refused, the criteria stay
        bot.send(staff, "/criteria " + round.id() + " Value for money; Fit with the aims");
        bot.awaitText(staff.id(), "has scores already, so its criteria stay as they are (Fit with the aims; Value for money)");
        assertThat(rounds.find(round.id()).orElseThrow().criteria()).containsExactly("Fit with the aims",
                "Value for money");
        // the same criteria again change nothing, and are fine
        bot.send(staff, "/criteria " + round.id() + " Fit with the aims; Value for money");
        bot.awaitText(staff.id(), "scored against 2 criteria");

        assertThat(applications.fund(adas.id(), 1_000, TestBot.STAFF_ID).name()).isEqualTo("DECIDED");
        bot.forge(ann, ann.id(), 1, "labs:sc:" + adas.id() + ":0:1");
        awaitAlert("is decided: its scores stay as they were at the decision");
        bot.forge(ann, ann.id(), 1, "labs:ra:" + adas.id());
        ApiCall card = bot.awaitText(ann.id(), "Application #" + adas.id());
        assertThat(TestBot.buttons(card)).doesNotContain("C1 ★1").contains("💬 Comment");

        // the web refuses it too, with the reason
        String cookie = bot.dashboardCookie(staff);
        HttpClient http = HttpClient.newHttpClient();
        String path = "http://127.0.0.1:" + bot.webPort() + "/dashboard/labs/application/" + adas.id();
        Matcher csrf = CSRF.matcher(http.send(HttpRequest.newBuilder(URI.create(path)).header("Cookie", cookie)
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(path + "/score"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf.group(1),
                        StandardCharsets.UTF_8) + "&criterion=1&score=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("This application is decided");
        assertThat(applications.scores(adas.id())).containsExactly(new Score(ann.id(), 0, 4));
    }

    @Test
    @DisplayName("Funding with no current plan tells staff there is no action yet and what to do; the action comes once a plan is current")
    void fundingWithNoCurrentPlan() {
        bot.store().database().jdbi().useHandle(h -> h.execute("UPDATE plans SET is_current = 0"));
        openCard(adas, "Cardiff Council");
        bot.tap(staff, "💷 Fund");
        bot.awaitText(staff.id(), "How much to fund");
        bot.send(staff, "1200");
        bot.awaitText(staff.id(), "with <b>£1,200</b>?");
        bot.tap(staff, "✅ Yes, fund £1,200");
        ApiCall done = bot.awaitText(staff.id(), "is funded with £1,200");
        assertThat(done.text()).contains("There is no current plan, so the project is not an action yet")
                .contains("Import a plan marked current").doesNotContain("the project is action");
        ApiCall told = bot.awaitText(ada.id(), "is funded with £1,200");
        assertThat(told.text()).doesNotContain("action PL").contains("will add the project to the plan");
        assertThat(applications.find(adas.id()).orElseThrow().actionId()).isEmpty();

        bot.store().database().jdbi().useHandle(h -> h.execute(
                "UPDATE plans SET is_current = 1 WHERE code = (SELECT code FROM plans ORDER BY sort_order LIMIT 1)"));
        bot.runRoutine("labs-funded-projects");
        assertThat(applications.find(adas.id()).orElseThrow().actionId()).isPresent();
        assertThat(bot.store().plans().byCode("PL" + round.id() + "." + adas.id())).hasSize(1);
        assertThat(sentTo(ada.id(), "is funded with")).hasSize(1);
    }

    @Test
    @DisplayName("A twenty-digit sum is refused clearly: the applicant's amount, the round's budget and maximum, the Fund amount")
    void absurdSumsRefused() {
        String huge = "12345678901234567890";
        FakeUser bryn = member(43, "Bryn", "Oldham Council", "en");
        long brynsDraft = draft(43, "Oldham Council").id();
        bot.forge(bryn, bryn.id(), 1, "labs:go:" + brynsDraft + ":8");
        bot.awaitText(bryn.id(), "Question 9 of 9");
        bot.send(bryn, huge);
        bot.awaitText(bryn.id(), "That is more than £100,000,000, far beyond any round");
        assertThat(applications.find(brynsDraft).orElseThrow().answer("amount")).isEmpty();

        bot.send(staff, "/newround");
        bot.awaitText(staff.id(), "Which kind?");
        bot.tap(staff, "Policy Prototype");
        bot.awaitText(staff.id(), "The budget of the Policy Prototype round");
        bot.send(staff, huge);
        bot.awaitText(staff.id(), "That is more than £100,000,000, far beyond any round");
        bot.tap(staff, "Use £15,000");
        bot.awaitText(staff.id(), "The most one project can get");
        bot.send(staff, "£" + huge + "k");
        bot.awaitText(staff.id(), "That is more than £100,000,000, far beyond any round");
        bot.send(staff, "/cancel");

        openCard(adas, "Cardiff Council");
        bot.tap(staff, "💷 Fund");
        bot.awaitText(staff.id(), "How much to fund");
        bot.send(staff, huge);
        bot.awaitText(staff.id(), "That is more than £100,000,000, far beyond any round");
        assertThat(applications.find(adas.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.text().contains("went wrong")))
                .isEmpty();
    }

    @Test
    @DisplayName("Publish as case study takes the final report's note, not the newest note, and says what to do before it is in")
    void publishTakesTheFinalReport() {
        assertThat(applications.fund(adas.id(), 1_200, TestBot.STAFF_ID).name()).isEqualTo("DECIDED");
        bot.runRoutineAsAct("labs-funded-projects");
        bot.awaitText(ada.id(), "is funded with £1,200");
        long actionId = applications.find(adas.id()).orElseThrow().actionId().orElseThrow();
        List<Milestone> milestones = bot.store().plans().action(actionId).orElseThrow().milestones();
        assertThat(milestones).hasSize(2);
        assertThat(milestones.get(1).label()).startsWith("Final report");
        long member = bot.store().members().findByTelegramId(ada.id()).orElseThrow().id();
        bot.store().reminders().progress().record(actionId, Optional.of(milestones.get(0).id()), Optional.of(member),
                Answer.NOTE, Optional.of("Interim: two councils dropped out, we are worried."));
        bot.store().reminders().progress().record(actionId, Optional.empty(), Optional.of(member), Answer.NOTE,
                Optional.of("A note on no milestone."));

        bot.forge(staff, staff.id(), 1, "labs:pb:" + adas.id());
        ApiCall notYet = bot.awaitText(staff.id(), "The final report of action PL" + round.id() + "." + adas.id()
                + " is not in yet");
        assertThat(notYet.text()).contains("(due 25 May 2027)").contains("tap Publish again");
        assertThat(applications.find(adas.id()).orElseThrow().caseStudyId()).isEmpty();

        bot.store().reminders().progress().record(actionId, Optional.of(milestones.get(1).id()), Optional.of(member),
                Answer.NOTE, Optional.of("Final report: 40 councillors took the course."));
        bot.store().reminders().progress().record(actionId, Optional.of(milestones.get(0).id()), Optional.of(member),
                Answer.NOTE, Optional.of("A late word on the interim."));
        bot.forge(staff, staff.id(), 1, "labs:pb:" + adas.id());
        bot.awaitText(staff.id(), "is published in the case-study library");
        long studyId = applications.find(adas.id()).orElseThrow().caseStudyId().orElseThrow();
        var study = bot.store().caseStudies().find(studyId).orElseThrow();
        assertThat(study.summary()).isEqualTo("Final report: 40 councillors took the course.");
        assertThat(study.body()).doesNotContain("worried").doesNotContain("late word");
    }

    @Test
    @DisplayName("Draft reminders say the time really left, and a draft begun after a slot is not reminded of it at once")
    void draftRemindersTellTheTruth() {
        Instant closes = round.closesAt();
        FakeUser bryn = member(43, "Bryn", "Oldham Council", "en");
        FakeUser dee = member(46, "Dee", "Co-operative College", "en");
        long brynsDraft = draft(43, "Oldham Council").id();
        // the bot was down when the 7-day slot came: the reminder, sent late, says 5 days
        bot.clock.set(closes.minus(Duration.ofDays(5)));
        bot.runRoutineAsAct("labs-draft-reminders");
        assertThat(bot.awaitText(bryn.id(), "is not submitted yet").text()).contains("(in 5 days)")
                .doesNotContain("7 days");
        // Dee starts 3 days before closing: no "7 days" reminder the moment she starts
        bot.clock.set(closes.minus(Duration.ofDays(3)));
        long deesDraft = draft(46, "Co-operative College").id();
        bot.runRoutine("labs-draft-reminders");
        assertThat(bot.store().outbox().byRef("labs-draft", deesDraft)).isEmpty();
        // a day before: both are reminded, "tomorrow"
        bot.clock.set(closes.minus(Duration.ofDays(1)).plusSeconds(60));
        bot.runRoutineAsAct("labs-draft-reminders");
        assertThat(bot.awaitText(dee.id(), "is not submitted yet").text()).contains("(tomorrow)");
        bot.awaitReply(bryn.id(), c -> c.text().contains("(tomorrow)"));
        assertThat(bot.store().outbox().byRef("labs-draft", deesDraft)).extracting(OutboxRow::dedupeKey)
                .containsExactly("labs-draft:" + deesDraft + ":1d");
        assertThat(bot.store().outbox().byRef("labs-draft", brynsDraft)).extracting(OutboxRow::dedupeKey)
                .containsExactlyInAnyOrder("labs-draft:" + brynsDraft + ":7d", "labs-draft:" + brynsDraft + ":1d");

        // a round closing at 17:00 whose day-before slot was missed: on the morning of closing it says "today"
        Round second = rounds.create(new NewRound(RoundKind.LAB, 60_000, 20_000, bot.clock.instant(),
                Instant.parse("2026-12-20T17:00:00Z"), QUESTIONS, "policy-labs", TestBot.STAFF_ID));
        long memberId = bot.store().members().findByTelegramId(43).orElseThrow().id();
        long late = applications.startOrFind(second.id(), memberId, 43, Optional.empty()).id();
        bot.clock.set(Instant.parse("2026-12-20T09:00:00Z"));
        bot.runRoutineAsAct("labs-draft-reminders");
        bot.awaitReply(bryn.id(), c -> c.text().contains("Policy Lab round " + second.id())
                && c.text().contains("(today)"));
        assertThat(bot.store().outbox().byRef("labs-draft", late)).extracting(OutboxRow::dedupeKey)
                .containsExactly("labs-draft:" + late + ":1d");
    }

    @Test
    @DisplayName("An answer dense in & < > is shown whole in messages whose HTML stays within Telegram's 4,096")
    void denseAnswerFits() {
        String dense = "&<>".repeat(1_500) + " R&D <b>not bold</b> & the end";
        member(43, "Bryn", "Oldham Council", "en");
        Application brynsDraft = draft(43, "Oldham Council");
        for (String question : QUESTIONS) {
            applications.setAnswer(brynsDraft.id(), question, question.equals("amount") ? "900"
                    : question.equals("idea") ? dense : "An answer to " + question);
        }
        applications.submit(brynsDraft.id());

        bot.forge(staff, staff.id(), 1, "labs:rf:" + brynsDraft.id());
        bot.awaitText(staff.id(), "9. How much are you asking for?");
        List<ApiCall> sent = bot.telegram.calls("sendmessage").stream().filter(c -> c.chatId() == staff.id()
                && c.ok()).toList();
        assertThat(sent).allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(4_096));
        String shown = String.join("", sent.stream().map(c -> Html.strip(c.text()).replace("\n", "")).toList());
        assertThat(shown).contains(dense.replace("\n", ""));
    }
}
