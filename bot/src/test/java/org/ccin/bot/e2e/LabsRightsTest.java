package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import org.ccin.store.labs.NewRound;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;
import org.ccin.store.labs.RoundRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who may do what in funding rounds, checked on every tap and command (forged buttons change nothing), Welsh
 * applicants, the dashboard's rounds page with its PDF, and the new data in /mydata and /forgetme.
 */
class LabsRightsTest {
    private static final List<String> QUESTIONS = List.of("idea", "workwith", "outcomes", "aims", "values", "learning",
            "lead", "partners", "amount");
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private RoundRepository rounds;
    private ApplicationRepository applications;
    private Round round;
    private Round otherRound;
    private Application submitted;
    private FakeUser ada;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        rounds = new RoundRepository(bot.store().database(), bot.clock);
        applications = new ApplicationRepository(bot.store().database(), bot.clock);
        round = rounds.create(new NewRound(RoundKind.PROTOTYPE, 15_000, 2_000, bot.clock.instant(),
                bot.clock.instant().plus(Duration.ofDays(20)), QUESTIONS, "policy-labs", TestBot.STAFF_ID));
        otherRound = rounds.create(new NewRound(RoundKind.LAB, 60_000, 20_000, bot.clock.instant(),
                bot.clock.instant().plus(Duration.ofDays(20)), QUESTIONS, "policy-labs", TestBot.STAFF_ID));
        ada = member(42, "Ada", Optional.of("Cardiff Council"), "en");
        long adaMember = bot.store().members().findByTelegramId(42).orElseThrow().id();
        submitted = applications.startOrFind(round.id(), adaMember, 42,
                bot.store().organisations().findByName("Cardiff Council").map(o -> o.id()));
        for (String question : QUESTIONS) {
            applications.setAnswer(submitted.id(), question, question.equals("amount") ? "1200"
                    : "Ada's answer to " + question + ": Cydweithio ŵyr ŷd");
        }
        applications.submit(submitted.id());
    }

    private FakeUser member(long id, String name, Optional<String> organisation, String language) {
        String username = name.toLowerCase() + "_" + id;
        FakeUser user = bot.user(id, name).withUsername(username).withLanguage(language);
        bot.telegram.addUser(user);
        bot.store().members().recordContact(id, name, Optional.of(username), language);
        Optional<Long> organisationId = organisation.flatMap(o -> bot.store().organisations().findByName(o))
                .map(o -> o.id());
        bot.store().members().saveProfile(id, new Profile(organisationId,
                organisationId.isEmpty() ? Optional.of("A club") : Optional.empty(), Optional.of("full"),
                Optional.of(WorkRole.OFFICER), Optional.of("wales")));
        return user;
    }

    private void awaitAlert(String fragment) {
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains(fragment));
    }

    @Test
    @DisplayName("A funding decision the bot stopped half-way through gets its action and message once, at the next run")
    void fundingFinishedAfterAStop() {
        // as if the process died right after the decision was written, before the action was made
        assertThat(applications.fund(submitted.id(), 1_200, TestBot.STAFF_ID).name()).isEqualTo("DECIDED");
        assertThat(applications.find(submitted.id()).orElseThrow().actionId()).isEmpty();

        bot.runRoutineAsAct("labs-funded-projects");
        bot.awaitText(42, "is funded with £1,200");
        bot.runRoutine("labs-funded-projects");

        Application funded = applications.find(submitted.id()).orElseThrow();
        assertThat(funded.actionId()).isPresent();
        assertThat(bot.store().plans().byCode("PL" + round.id() + "." + submitted.id()))
                .singleElement().satisfies(action -> assertThat(action.leads()).hasSize(1));
        assertThat(bot.telegram.calls("sendmessage").stream()
                .filter(c -> c.chatId() == 42 && c.text().contains("is funded with"))).hasSize(1);
    }

    @Test
    @DisplayName("Rights for each role: only staff open rounds and decide; reviewers see their rounds; forged buttons change nothing")
    void rightsForEachRole() {
        FakeUser bryn = member(43, "Bryn", Optional.of("Plymouth City Council"), "en");
        FakeUser ann = member(44, "Ann", Optional.of("Co-operative College"), "en");
        FakeUser club = member(45, "Cai", Optional.empty(), "en");
        FakeUser stranger = bot.user(46, "Dee");
        rounds.addReviewer(otherRound.id(), ann.id(), TestBot.STAFF_ID);

        bot.send(bryn, "/newround");
        bot.awaitText(bryn.id(), "only the network's staff");
        bot.forge(bryn, bryn.id(), 1, "labs:o");
        awaitAlert("only the network's staff");
        bot.forge(bryn, bryn.id(), 1, "labs:fy:" + submitted.id() + ":1200:AAAAAAAAAAAAAAAA");
        awaitAlert("only the network's staff");
        bot.send(bryn, "/reviewer 1 @bryn_43");
        bot.awaitText(bryn.id(), "only the network's staff");
        assertThat(rounds.isReviewer(round.id(), bryn.id())).isFalse();

        bot.send(bryn, "/review");
        bot.awaitText(bryn.id(), "That is for the reviewers of a Policy Lab or Prototype round");
        bot.send(bryn, "/help");
        assertThat(bot.awaitText(bryn.id(), "Here is what I can do").text()).doesNotContain("/review ");
        bot.forge(bryn, bryn.id(), 1, "labs:ra:" + submitted.id());
        awaitAlert("not yours to see");
        bot.forge(bryn, bryn.id(), 1, "labs:ex:" + submitted.id());
        awaitAlert("not yours to see");
        bot.forge(bryn, bryn.id(), 1, "labs:sc:" + submitted.id() + ":0:5");
        awaitAlert("not yours to see");
        assertThat(applications.scores(submitted.id())).isEmpty();
        // someone else's application is not a draft of theirs to change
        bot.forge(bryn, bryn.id(), 1, "labs:cl:" + submitted.id() + ":0");
        awaitAlert("not for a draft of yours");
        bot.forge(bryn, bryn.id(), 1, "labs:zz:1");
        awaitAlert("can't do anything with that button");
        bot.forge(bryn, bryn.id(), 1, "labs:ra:many");
        awaitAlert("can't do anything with that button");

        // Ann reviews the other round only; her /help says so
        bot.send(ann, "/help");
        assertThat(bot.awaitText(ann.id(), "Here is what I can do").text())
                .contains("<b>For reviewers of funding rounds</b>\n/review – Review and decide funding applications");
        bot.send(ann, "/whoami");
        bot.awaitText(ann.id(), "• Reviewer of funding rounds");
        bot.send(ann, "/review");
        ApiCall list = bot.awaitText(ann.id(), "Which round?");
        assertThat(TestBot.buttons(list)).containsExactly("Policy Lab round " + otherRound.id() + " (0 submitted)",
                "🖥 My rounds on the web");
        bot.forge(ann, ann.id(), 1, "labs:rr:" + round.id());
        awaitAlert("not yours to see");
        bot.forge(ann, ann.id(), 1, "labs:ra:" + submitted.id());
        awaitAlert("not yours to see");

        // applying needs registration and an organisation of the network
        bot.send(stranger, "/apply");
        bot.awaitText(stranger.id(), "That is for registered members");
        bot.send(club, "/apply");
        bot.awaitText(club.id(), "2 rounds are open");
        bot.tap(club, "✍️ Apply: Policy Prototype round " + round.id());
        bot.awaitText(club.id(), "your profile does not name one yet");
        assertThat(applications.ofPerson(club.id())).isEmpty();

        // the applicant has their own PDF; staff may not fund beyond the maximum even with a forged confirmation
        bot.forge(ada, ada.id(), 1, "labs:ex:" + submitted.id());
        bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == ada.id());
        bot.forge(staff, staff.id(), 1, "labs:fy:" + submitted.id() + ":5000:AAAAAAAAAAAAAAAA");
        awaitAlert("out of date");
        assertThat(applications.find(submitted.id()).orElseThrow().status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    @DisplayName("A Welsh member applies in Welsh; a draft is deleted only through its one-time confirmation")
    void welshApplicantAndDeletion() {
        FakeUser bryn = member(43, "Bryn", Optional.of("Plymouth City Council"), "cy");
        bot.send(bryn, "/apply");
        bot.awaitText(bryn.id(), "Mae 2 cylch ar agor i geisiadau");
        bot.tap(bryn, "✍️ Gwneud cais: Cylch " + round.id() + " Prototeipiau Polisi");
        ApiCall question = bot.awaitText(bryn.id(), "Cwestiwn 1 o 9");
        assertThat(question.text()).contains("Beth yw eich syniad?");
        bot.send(bryn, "Rhaglen hyfforddi ar-lein");
        bot.awaitText(bryn.id(), "Wedi'i gadw (25 nod hyd yma)");
        bot.tap(bryn, "👀 Rhagolwg");
        bot.awaitText(bryn.id(), "Dyna eich cais cyfan");
        long draft = applications.ofPerson(bryn.id()).get(0).id();
        // a number in the preview goes back to that answer, which can be cleared and written again
        bot.tap(bryn, "✏️ 1");
        bot.awaitText(bryn.id(), "<b>Eich ateb hyd yma</b> (25 nod):\nRhaglen hyfforddi ar-lein");
        bot.tap(bryn, "🧹 Clirio");
        bot.awaitReply(bryn.id(), c -> c.text().contains("Cwestiwn 1 o 9") && !c.text().contains("Eich ateb hyd yma"));
        assertThat(applications.find(draft).orElseThrow().answer("idea")).isEmpty();
        bot.send(bryn, "Rhaglen newydd");
        bot.awaitText(bryn.id(), "Wedi'i gadw (14 nod hyd yma)");
        bot.tap(bryn, "➡️ Nesaf");
        bot.awaitText(bryn.id(), "Cwestiwn 2 o 9");
        bot.tap(bryn, "⬅️ Yn ôl");
        bot.awaitText(bryn.id(), "Rhaglen newydd");
        // a forged confirmation deletes nothing
        bot.forge(bryn, bryn.id(), 1, "labs:dy:" + draft + ":AAAAAAAAAAAAAAAA");
        awaitAlert("wedi dyddio");
        assertThat(applications.find(draft)).isPresent();
        bot.tap(bryn, "🗑 Dileu'r drafft");
        bot.awaitText(bryn.id(), "Ni ellir dadwneud hyn");
        bot.tap(bryn, "🗑 Ydw, dilëwch y drafft");
        bot.awaitText(bryn.id(), "Mae'r drafft wedi'i ddileu");
        assertThat(applications.find(draft)).isEmpty();
    }

    @Test
    @DisplayName("The dashboard's rounds page shows budgets and submissions, an application in full, and its PDF, to staff only")
    void dashboardPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + bot.webPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/labs")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        String cookie = bot.dashboardCookie(staff);

        bot.send(staff, "/review");
        assertThat(bot.awaitText(staff.id(), "All rounds on the dashboard").text()).contains("/dashboard/labs");
        HttpResponse<String> dashboard = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(dashboard.body()).contains("id=\"labs-link\" href=\"/dashboard/labs?lang=en\"");
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/labs"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Policy Prototype round " + round.id()).contains("left £15,000")
                .contains("Cardiff Council").contains("£1,200");
        HttpResponse<String> welsh = http.send(HttpRequest.newBuilder(URI.create(base
                + "/dashboard/labs/application/" + submitted.id() + "?lang=cy")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(welsh.body()).contains("Beth yw eich syniad?").contains("answer to idea: Cydweithio ŵyr ŷd");
        HttpResponse<byte[]> pdf = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/labs/application/"
                + submitted.id() + "/pdf")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("Ada's answer to idea: Cydweithio ŵyr ŷd");
        }
        long draft = applications.startOrFind(round.id(), bot.store().members().findByTelegramId(TestBot.STAFF_ID)
                .map(Member::id).orElseGet(() -> bot.store().members().recordContact(TestBot.STAFF_ID, "Sam",
                        Optional.empty(), "en").id()), TestBot.STAFF_ID, Optional.empty()).id();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/labs/application/" + draft))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Staff fund a submission from its card, see the budget left, and publish its final report as a case study in one step")
    void fundAndPublish() {
        bot.send(staff, "/review");
        bot.awaitText(staff.id(), "Which round?");
        bot.tap(staff, "Policy Prototype round " + round.id() + " (1 submitted)");
        bot.awaitText(staff.id(), "left £15,000");
        bot.tap(staff, "#" + submitted.id() + " Cardiff Council: Submitted, waiting for a decision");
        bot.awaitText(staff.id(), "Application #" + submitted.id());
        bot.tap(staff, "💷 Fund");
        bot.awaitText(staff.id(), "How much to fund");
        bot.send(staff, "1200");
        bot.awaitText(staff.id(), "with <b>£1,200</b>?");
        bot.tap(staff, "✅ Yes, fund £1,200");
        bot.awaitText(staff.id(), "Budget left £13,800");
        assertThat(rounds.budgetLeft(round.id())).isEqualTo(13_800);

        Application funded = applications.find(submitted.id()).orElseThrow();
        long actionId = funded.actionId().orElseThrow();
        bot.send(staff, "/review");
        bot.awaitText(staff.id(), "Which round?");
        bot.tap(staff, "Policy Prototype round " + round.id() + " (1 submitted)");
        bot.awaitText(staff.id(), "left £13,800");
        bot.tap(staff, "#" + submitted.id() + " Cardiff Council: Funded");
        bot.awaitText(staff.id(), "Awarded £1,200");
        bot.tap(staff, "📚 Publish as case study");
        bot.awaitText(staff.id(), "is not in yet");

        long adaMember = bot.store().members().findByTelegramId(ada.id()).orElseThrow().id();
        long finalReport = bot.store().plans().action(actionId).orElseThrow().milestones().get(1).id();
        bot.store().reminders().progress().record(actionId, Optional.of(finalReport), Optional.of(adaMember),
                org.ccin.store.reminders.Answer.NOTE, Optional.of("Final report: 40 councillors took the course."));
        bot.tap(staff, "📚 Publish as case study");
        bot.awaitText(staff.id(), "is published in the case-study library");
        long studyId = applications.find(submitted.id()).orElseThrow().caseStudyId().orElseThrow();
        assertThat(bot.store().caseStudies().find(studyId).orElseThrow().title()).startsWith("Policy Prototype: ")
                .endsWith("(Cardiff Council)");
        // once: the same button again publishes nothing more
        bot.tap(staff, "📚 Publish as case study");
        bot.awaitText(staff.id(), "Only a funded project not yet published");
    }

    @Test
    @DisplayName("/mydata holds the member's applications and answers; /forgetme erases them")
    void dataRights() throws Exception {
        bot.send(ada, "/mydata");
        bot.awaitText(ada.id(), "Here is everything I keep about you");
        ApiCall document = bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == ada.id() && c.ok());
        JsonNode file = JSON.readTree(document.uploads().get(0).text());
        assertThat(file.get("policyLabApplications")).hasSize(1);
        assertThat(file.get("policyLabAnswers").toString()).contains("Ada's answer to outcomes");

        bot.send(ada, "/forgetme");
        bot.awaitText(ada.id(), "Erase everything");
        bot.tap(ada, "🗑 Yes, forget me");
        bot.awaitText(ada.id(), "everything I kept about you is erased");
        assertThat(applications.find(submitted.id())).isEmpty();
        assertThat(applications.ofPerson(ada.id())).isEmpty();
    }
}
