package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.labs.Application;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.NewRound;
import org.ccin.store.labs.Round;
import org.ccin.store.labs.RoundKind;
import org.ccin.store.labs.RoundRepository;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A round's reviewer on the web: the one-time link of /review logs their browser in to the rounds they review and
 * nothing else (no staff page, no other round's application, no draft), they score and comment there with the
 * session's token, and staff naming them off the round closes it at once. Real HTTP against the bot's web server.
 */
class LabsReviewerWebTest {
    private static final List<String> QUESTIONS = List.of("idea", "workwith", "outcomes", "aims", "values", "learning",
            "lead", "partners", "amount");
    private static final Pattern TOKEN = Pattern.compile("/dashboard/login\\?token=([A-Za-z0-9_\\-]+)");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_\\-]+)\"");

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;
    private FakeUser staff;
    private FakeUser bryn;
    private RoundRepository rounds;
    private ApplicationRepository applications;
    private Round round;
    private Round otherRound;
    private Application mine;
    private Application others;

    @BeforeEach
    void start() {
        base = "http://127.0.0.1:" + bot.webPort();
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        rounds = new RoundRepository(bot.store().database(), bot.clock);
        applications = new ApplicationRepository(bot.store().database(), bot.clock);
        round = rounds.create(new NewRound(RoundKind.PROTOTYPE, 15_000, 2_000, bot.clock.instant(),
                bot.clock.instant().plus(Duration.ofDays(20)), QUESTIONS, "policy-labs", TestBot.STAFF_ID));
        otherRound = rounds.create(new NewRound(RoundKind.LAB, 60_000, 20_000, bot.clock.instant(),
                bot.clock.instant().plus(Duration.ofDays(20)), QUESTIONS, "policy-labs", TestBot.STAFF_ID));
        rounds.setCriteria(round.id(), List.of("Fit with the aims", "Value for money"));
        member(42, "Ada", "Cardiff Council");
        member(44, "Ann", "Plymouth City Council");
        bryn = member(43, "Bryn", "Oldham Council");
        mine = submitted(round, 42, "Cardiff Council", "Ada's idea for the prototype");
        others = submitted(otherRound, 44, "Plymouth City Council", "Ann's idea for the lab");
    }

    private FakeUser member(long id, String name, String organisation) {
        String username = name.toLowerCase() + "_" + id;
        FakeUser user = bot.user(id, name).withUsername(username).withLanguage("en");
        bot.telegram.addUser(user);
        bot.store().members().recordContact(id, name, Optional.of(username), "en");
        Optional<Long> organisationId = bot.store().organisations().findByName(organisation).map(o -> o.id());
        bot.store().members().saveProfile(id, new Profile(organisationId,
                organisationId.isEmpty() ? Optional.of(organisation) : Optional.empty(), Optional.of("full"),
                Optional.of(WorkRole.OFFICER), Optional.of("wales")));
        return user;
    }

    private Application submitted(Round to, long userId, String organisation, String idea) {
        long memberId = bot.store().members().findByTelegramId(userId).orElseThrow().id();
        Application application = applications.startOrFind(to.id(), memberId, userId,
                bot.store().organisations().findByName(organisation).map(o -> o.id()));
        for (String question : QUESTIONS) {
            applications.setAnswer(application.id(), question, question.equals("amount") ? "1200"
                    : question.equals("idea") ? idea : "An answer to " + question);
        }
        applications.submit(application.id());
        return applications.find(application.id()).orElseThrow();
    }

    /** Bryn's login link, asked for with the button on /review: its token. */
    private String linkFromReview() {
        bot.send(bryn, "/review");
        ApiCall list = bot.awaitText(bryn.id(), "Which round?");
        assertThat(TestBot.buttons(list)).containsExactly("Policy Prototype round " + round.id() + " (1 submitted)",
                "🖥 My rounds on the web");
        bot.tap(bryn, "🖥 My rounds on the web");
        ApiCall link = bot.awaitText(bryn.id(), "/dashboard/login?token=");
        assertThat(link.text()).contains("it works once, for 10 minutes").contains("next=/dashboard/labs");
        Matcher token = TOKEN.matcher(link.text());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private HttpResponse<String> login(String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token + "&next=" + LABS + "&lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static final String LABS = "/dashboard/labs";

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws IOException,
            InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(i == 0 ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return form.toString();
    }

    @Test
    @DisplayName("A reviewer's link from /review opens their round and its submissions on the web, once, and no staff page")
    void reviewerSeesOnlyTheirRound() throws Exception {
        bot.send(staff, "/reviewer " + round.id() + " @bryn_43");
        bot.awaitText(staff.id(), "Bryn reviews Policy Prototype round " + round.id());
        String token = linkFromReview();

        // the link opens a page whose button logs in (a link preview fetching it uses nothing)
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login?token="
                + token + "&next=" + LABS + "&lang=en")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("name=\"next\" value=\"/dashboard/labs\"");
        HttpResponse<String> login = login(token);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/dashboard/labs?lang=en");
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        // the link works once
        assertThat(login(token).statusCode()).isEqualTo(403);

        HttpResponse<String> labs = get(LABS, cookie);
        assertThat(labs.statusCode()).isEqualTo(200);
        assertThat(labs.body()).contains("Policy Prototype round " + round.id()).contains("Cardiff Council")
                .contains("These are the rounds you review")
                .doesNotContain("Policy Lab round " + otherRound.id()).doesNotContain("Plymouth City Council")
                .doesNotContain("href=\"/dashboard?lang=");
        HttpResponse<String> application = get(LABS + "/application/" + mine.id(), cookie);
        assertThat(application.statusCode()).isEqualTo(200);
        assertThat(application.body()).contains("Ada's idea for the prototype").contains("Fit with the aims");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + LABS + "/application/" + mine.id() + "/pdf"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray()).headers()
                .firstValue("Content-Type").orElse("")).startsWith("application/pdf");

        // another round's application and its PDF are not there for them, nor a draft of their own round
        assertThat(get(LABS + "/application/" + others.id(), cookie).statusCode()).isEqualTo(404);
        assertThat(get(LABS + "/application/" + others.id() + "/pdf", cookie).statusCode()).isEqualTo(404);
        long draft = applications.startOrFind(round.id(), bot.store().members().findByTelegramId(43).orElseThrow()
                .id(), 43, Optional.empty()).id();
        assertThat(get(LABS + "/application/" + draft, cookie).statusCode()).isEqualTo(404);

        // the staff pages stay staff's
        assertThat(get("/dashboard", cookie).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/csv/members", cookie).statusCode()).isEqualTo(401);
        assertThat(get("/dashboard/audit", cookie).statusCode()).isEqualTo(401);
        HttpResponse<String> audit = get("/dashboard/audit.csv", cookie);
        assertThat(audit.statusCode()).isIn(401, 403);
        assertThat(audit.body()).doesNotContain("labs.reviewer");
        assertThat(get("/dashboard/measures.csv", cookie).statusCode()).isIn(401, 403);
        assertThat(get("/dashboard/events", cookie).statusCode()).isIn(401, 403);

        // staff's own session still opens every round, as before
        String staffCookie = bot.dashboardCookie(staff);
        assertThat(get(LABS, staffCookie).body()).contains("Policy Lab round " + otherRound.id())
                .contains("Plymouth City Council");
        assertThat(get(LABS + "/application/" + others.id(), staffCookie).statusCode()).isEqualTo(200);

        // the audit log says it was a reviewer's login to the rounds page, not a dashboard login of staff
        String log = get("/dashboard/audit.csv?lang=en", staffCookie).body();
        assertThat(log.lines().filter(l -> l.contains("dashboard.login.reviewer")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("Reviewer's login to the rounds page")
                        .contains("Bryn (43)"));
        assertThat(log.lines().filter(l -> l.contains(",dashboard.login,")).toList()).singleElement()
                .satisfies(line -> assertThat(line).contains("Dashboard login").contains(String.valueOf(TestBot.STAFF_ID)));

        // and the reviewer logs out from the rounds page: the cookie opens nothing after that
        Matcher csrf = CSRF.matcher(labs.body());
        assertThat(labs.body()).contains("action=\"/dashboard/logout?lang=en\"");
        assertThat(csrf.find()).isTrue();
        assertThat(post("/dashboard/logout", cookie, form("csrf", "not-the-token")).statusCode()).isEqualTo(403);
        HttpResponse<String> out = post("/dashboard/logout", cookie, form("csrf", csrf.group(1)));
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(out.body()).contains("You are logged out").contains("reviewers of a round: /review");
        assertThat(get(LABS, cookie).statusCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("/help tells staff that /reviewer also removes a reviewer")
    void helpSaysRemove() {
        bot.send(staff, "/help");
        assertThat(bot.awaitText(staff.id(), "/reviewer – ").text())
                .contains("/reviewer – Name or remove a round's reviewer: /reviewer 3 @username (remove)");
    }

    @Test
    @DisplayName("A reviewer scores and comments on the web with the session's token; named off the round, the session opens nothing")
    void reviewerScoresThenLosesAccess() throws Exception {
        rounds.addReviewer(round.id(), bryn.id(), TestBot.STAFF_ID);
        rounds.setCriteria(otherRound.id(), List.of("Reach"));
        HttpResponse<String> login = login(linkFromReview());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        String path = LABS + "/application/" + mine.id();
        Matcher csrf = CSRF.matcher(get(path, cookie).body());
        assertThat(csrf.find()).isTrue();

        // forms without the session's token, or from another site's page, change nothing
        assertThat(post(path + "/score", cookie, form("criterion", "0", "score", "4")).statusCode())
                .isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + path + "/score")).header("Cookie", cookie)
                .header("Origin", "https://elsewhere.example")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form("csrf", csrf.group(1), "criterion", "0", "score", "4")))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        // bad scores are refused with a reason
        HttpResponse<String> bad = post(path + "/score", cookie, form("csrf", csrf.group(1), "criterion", "0",
                "score", "9"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("choose 1 to 5");
        assertThat(post(path + "/score", cookie, form("csrf", csrf.group(1), "criterion", "2", "score", "3"))
                .statusCode()).isEqualTo(400);
        assertThat(post(path + "/comment", cookie, form("csrf", csrf.group(1), "text", "   ")).statusCode())
                .isEqualTo(400);
        // another round's application takes no score of theirs
        assertThat(post(LABS + "/application/" + others.id() + "/score", cookie, form("csrf", csrf.group(1),
                "criterion", "0", "score", "5")).statusCode()).isEqualTo(404);
        assertThat(applications.scores(mine.id())).isEmpty();
        assertThat(applications.scores(others.id())).isEmpty();
        assertThat(applications.comments(mine.id())).isEmpty();

        HttpResponse<String> scored = post(path + "/score", cookie, form("csrf", csrf.group(1), "criterion", "1",
                "score", "4"));
        assertThat(scored.statusCode()).isEqualTo(303);
        assertThat(scored.headers().firstValue("Location").orElse("")).startsWith(path);
        assertThat(post(path + "/comment", cookie, form("csrf", csrf.group(1), "text",
                "Strong partners.\nThe budget is <b>tight</b>.")).statusCode()).isEqualTo(303);
        assertThat(applications.scores(mine.id())).singleElement().satisfies(score -> {
            assertThat(score.reviewerId()).isEqualTo(bryn.id());
            assertThat(score.criterion()).isEqualTo(1);
            assertThat(score.score()).isEqualTo(4);
        });
        assertThat(applications.comments(mine.id())).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("Strong partners.\nThe budget is <b>tight</b>."));
        assertThat(get(path, cookie).body()).contains("<td class=\"mine\">4</td>")
                .contains("The budget is &lt;b&gt;tight&lt;/b&gt;.");
        // the same score shows in the chat's card
        bot.tap(bryn, "Policy Prototype round " + round.id() + " (1 submitted)");
        bot.awaitText(bryn.id(), "Scored against");
        bot.tap(bryn, "#" + mine.id() + " Cardiff Council: Submitted, waiting for a decision");
        assertThat(bot.awaitText(bryn.id(), "Application #" + mine.id()).text()).contains("Strong partners.");

        // staff name Bryn off the round: the session opens nothing from then on
        bot.send(staff, "/reviewer " + round.id() + " @bryn_43 remove");
        bot.awaitText(staff.id(), "Bryn no longer reviews Policy Prototype round " + round.id());
        assertThat(rounds.isReviewer(round.id(), bryn.id())).isFalse();
        HttpResponse<String> closed = get(LABS, cookie);
        assertThat(closed.statusCode()).isEqualTo(403);
        assertThat(closed.body()).contains("You don't review any round now");
        assertThat(get(path, cookie).statusCode()).isEqualTo(403);
        assertThat(get(path + "/pdf", cookie).statusCode()).isEqualTo(403);
        assertThat(post(path + "/score", cookie, form("csrf", csrf.group(1), "criterion", "0", "score", "1"))
                .statusCode()).isEqualTo(403);
        assertThat(applications.scores(mine.id())).hasSize(1);
        // and /review gives no new link
        bot.forge(bryn, bryn.id(), 1, "labs:wl");
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("text").orElse("").contains("not a reviewer"));
        bot.send(staff, "/reviewer " + round.id() + " @bryn_43 remove");
        bot.awaitText(staff.id(), "Bryn does not review Policy Prototype round " + round.id());
    }

    @Test
    @DisplayName("Without a session the rounds page asks to log in, and a reviewer's Welsh link lands on the Welsh page")
    void welshLinkAndNoSession() throws Exception {
        HttpResponse<String> none = get(LABS, "ccin_session=made-up");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.body()).contains("reviewers send /review");

        FakeUser cai = bot.user(45, "Cai").withUsername("cai_45").withLanguage("cy");
        bot.telegram.addUser(cai);
        bot.store().members().recordContact(45, "Cai", Optional.of("cai_45"), "cy");
        rounds.addReviewer(otherRound.id(), cai.id(), TestBot.STAFF_ID);
        bot.send(cai, "/review");
        bot.awaitText(cai.id(), "Pa gylch?");
        bot.tap(cai, "🖥 Fy nghylchoedd ar y we");
        ApiCall link = bot.awaitText(cai.id(), "/dashboard/login?token=");
        assertThat(link.text()).contains("Mae'n agor eich cylchoedd chi yn unig").contains("lang=cy");
        Matcher token = TOKEN.matcher(link.text());
        assertThat(token.find()).isTrue();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login?token="
                + token.group(1) + "&next=" + LABS + "&lang=cy")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).contains("name=\"lang\" value=\"cy\"").contains("Mewngofnodi");
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + token.group(1) + "&next=" + LABS + "&lang=cy"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location")).contains("/dashboard/labs?lang=cy");
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(get(LABS + "?lang=cy", cookie).body()).contains("Dyma'r cylchoedd rydych yn eu hadolygu")
                .contains("Plymouth City Council")
                .doesNotContain("Cardiff Council");
    }
}
