package org.ccin.bot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ccin.bot.e2e.BotExtension;
import org.ccin.bot.e2e.TestBot;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.Store;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.Media;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Milestone;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.ReminderRepository;
import org.ccin.store.reminders.ReminderTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff dashboard in a real headless Chromium against the real bot (fake Telegram, a real SQLite file): every
 * section at desktop and phone widths, empty and with data, charts drawn by Chart.js from their tables, the CSV
 * downloads parsed back, hostile names shown as text, and the period filter. Skipped without Chromium unless
 * CCIN_REQUIRE_BROWSER is set (CI sets it).
 */
class DashboardInBrowserTest {
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);
    private static final List<String> SECTIONS = List.of("members", "engagement", "groups", "newsletters", "reminders",
            "plan", "measures", "audit");
    private static final String HOSTILE = "<script>alert(1)</script>";

    private static WebDriver browser;

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private String base;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present && System.getenv("CCIN_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("CCIN_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "browser tests skipped: install chromium and chromium-driver to run them");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        // the console, to see that the Content-Security-Policy refused nothing the pages need
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(DESKTOP);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void start() {
        base = "http://127.0.0.1:" + bot.webPort();
    }

    @Test
    @DisplayName("A new network's dashboard: every section, a sentence saying what to do where there is nothing yet, "
            + "states in words, at desktop and phone widths")
    void empty() {
        logIn();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            open("/dashboard", size);
            for (String section : SECTIONS) {
                assertThat(browser.findElements(By.id(section))).as(section).hasSize(1);
            }
            assertThat(emptySentence("newsletters")).isEqualTo("No newsletter sent yet — send one with /newsletter.");
            // the sample organisations are counted; no member yet
            assertThat(browser.findElements(By.cssSelector("#chart-members-by-category tbody td:first-of-type")))
                    .isNotEmpty().allSatisfy(td -> assertThat(td.getText()).isEqualTo("0"));
            assertThat(emptySentence("new-members")).isEqualTo("No one registered in the last 12 weeks. Choose a "
                    + "longer period to see earlier ones.");
            assertThat(emptySentence("engagement")).contains("No member council");
            assertThat(emptySentence("reminders")).contains("No reminder went to an action lead");
            // the sample plan's lights are recorded at start: drawn by Chart.js, with a legend in plain words
            assertThat(drawn("plan-lights")).isTrue();
            assertThat(browser.findElement(By.cssSelector("#chart-plan-lights thead")).getText())
                    .contains("Not started", "On track");
            assertThat(drawn("measures")).isTrue();
            String page = browser.findElement(By.tagName("body")).getText();
            assertThat(page).doesNotContain("NOT_STARTED", "ON_TRACK", "AT_RISK")
                    .contains("Figures as at 25 November 2026, for the last 12 weeks.");
            assertThat(browser.findElements(By.xpath("//*[normalize-space()='Newsletters: reach per issue']")))
                    .hasSizeLessThanOrEqualTo(1);
            noSidewaysScroll(size);
        }
        // labels at the body's size, and a legend on every chart drawn
        assertThat(((JavascriptExecutor) browser).executeScript("return Chart.defaults.font.size + ' ' + "
                + "getComputedStyle(document.body).fontSize")).isEqualTo("16 16px");
        assertThat(((JavascriptExecutor) browser).executeScript("return Array.from(document.querySelectorAll("
                + "'figure.chart')).filter(f => f.chart).every(f => f.chart.options.plugins.legend.display)"))
                .isEqualTo(true);

        open("/dashboard?lang=cy", DESKTOP);
        String welsh = browser.findElement(By.tagName("main")).getText();
        assertThat(welsh).contains("Ymgysylltu fesul cyngor sy'n aelod", "Lawrlwytho", "Heb ddechrau")
                .doesNotContain("Download", "Members", "Not started", "Newsletters");
        assertThat(emptySentence("newsletters")).isEqualTo("Dim cylchlythyr wedi'i anfon eto — anfonwch un gyda /newsletter.");
        assertThat(browser.findElement(By.id("members-title")).getText()).isEqualTo("Aelodau a sefydliadau");
        // the plan's link keeps the reader's language
        assertThat(browser.findElement(By.id("plan-link")).getAttribute("href")).endsWith("/plan?lang=cy");
        assertThat(browser.findElement(By.id("measures-list")).getText()).contains("targed tuedd sy'n gwella erbyn");
        assertThat(browser.findElement(By.cssSelector("#engagement ul.lines")).getText())
                .startsWith("Nid yw Telegram yn dweud wrth fot pwy agorodd neges");
        open("/dashboard", DESKTOP);
        assertThat(browser.findElement(By.id("plan-link")).getAttribute("href")).endsWith("/plan?lang=en");
    }

    @Test
    @DisplayName("With members, groups and a newsletter: each section's figures in its table and chart, once; hostile "
            + "names are text; each CSV parses back to the table")
    void withData() throws Exception {
        seed(bot.store());
        logIn();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            open("/dashboard", size);
            for (String chart : List.of("members-by-category", "members-by-region", "new-members", "engagement",
                    "groups", "newsletters", "subscribers", "plan-lights", "measures", "new-organisations")) {
                assertThat(drawn(chart)).as(chart + " drawn").isTrue();
            }
            // the member organisations, per week they were added to the bot (all of them this week)
            assertThat(sum("new-organisations")).isEqualTo((int) bot.store().organisations().all().stream()
                    .filter(o -> o.networkMember()).count());
            // no label beside the bars is cut at the canvas's left edge, at a phone's width too
            assertThat(clippedLabels()).as("labels cut at " + size).isEmpty();
            // the second update of the seed answered no reminder: only the answer to one counts
            assertThat(browser.findElement(By.cssSelector("#engagement ul.lines")).getText())
                    .contains("Telegram does not tell a bot who opened a message");
            assertThat(row("engagement", HOSTILE)).containsExactly("2", "2", "1", "1");
            assertThat(row("reminders", "23 Nov")).containsExactly("1", "1", "1");
            assertThat(browser.findElement(By.cssSelector("#reminders ul.lines")).getText()).endsWith("overdue: their "
                    + "leads have a milestone past its date.");
            // the measures against the improving trend their targets ask for: 45 then 47 (provisional) is up 4.4%, and
            // the latest figure is 104.4% of the figure to beat; the chart draws that share, the targets are in words
            assertThat(row("measures", "1. Full Council Members")).containsExactly("45", "47", "4.4", "", "104.4");
            assertThat(row("measures", "2. Number of Policy Labs")).containsExactly("6", "4", "-33.3", "", "");
            assertThat(((JavascriptExecutor) browser).executeScript("return document.getElementById('chart-measures')"
                    + ".chart.data.datasets.map(d => d.label).join('|')")).isEqualTo("% of target");
            assertThat(browser.findElements(By.cssSelector("#measures-list li")).stream().map(WebElement::getText))
                    .contains("1. Full Council Members: target an improving trend by July 2025 and July 2026. Latest "
                            + "47 (July 2024, provisional): improving, up from 45.",
                            "1. Associate Members: target an improving trend by July 2025 and July 2026. Latest 22 "
                            + "(July 2024, provisional): not improving yet (23 before).",
                            "2. Number of Policy Labs: no target in the strategy. Latest 4 (July 2024, provisional).");
            // the overdue actions now, listed under the plan's charts, each with its light in words
            List<String> overdue = bot.store().plans().overdue(LocalDate.of(2026, 11, 25)).stream()
                    .map(a -> a.code()).toList();
            assertThat(overdue).isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#plan-list li"))).hasSize(overdue.size())
                    .allSatisfy(li -> assertThat(li.getText()).containsPattern(", overdue since \\d{1,2} [A-Z][a-z]{2} \\d{4}$"));
            assertThat(sum("plan-overdue-by-state")).isEqualTo(overdue.size());
            assertThat(row("members-by-category", "Full Member")).element(0).isEqualTo("2");
            assertThat(row("groups", "Health and social care")).containsExactly("2", "0", "0", "0");
            assertThat(row("newsletters", "<img src=x onerror=alert(2)> (25 Nov 2026)"))
                    .containsExactly("2", "1", "1", "1", "1");
            // the newsletters' figures appear once
            assertThat(browser.findElements(By.cssSelector("figure.chart table.data caption")).stream()
                    .map(WebElement::getText).filter(t -> t.startsWith("Newsletters")).count()).isLessThanOrEqualTo(1);
            noSidewaysScroll(size);
            noConsoleErrors();
            screenshot("with-data-" + size.getWidth(), SECTIONS);
        }
        // nothing hostile ran or was made into elements
        assertThat(browser.findElements(By.cssSelector("main script, main img"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(browser.getPageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        browser.findElement(By.cssSelector("#audit a.more")).click();
        waitFor(b -> b.findElements(By.cssSelector("#audit tr[data-action]")).isEmpty() ? null : true);
        assertThat(browser.findElement(By.id("audit")).getText()).contains(HOSTILE);
        assertThat(browser.findElements(By.cssSelector("main script"))).isEmpty();
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        open("/dashboard", DESKTOP);

        // the measures page, linked from its section: a Chart.js chart per measure, on a phone too
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            open("/dashboard/measures", size);
            assertThat(drawn("measure-full-council-members")).isTrue();
            assertThat(row("measure-full-council-members", "July 2024*")).containsExactly("47", "");
            noSidewaysScroll(size);
            noConsoleErrors();
            screenshot("measures-" + size.getWidth(), List.of());
        }
        open("/dashboard", DESKTOP);

        // each chart's CSV holds its table
        for (WebElement figure : browser.findElements(By.cssSelector("figure.chart"))) {
            String id = figure.getAttribute("id").substring("chart-".length());
            List<CSVRecord> records = csv(figure.findElement(By.cssSelector("a.csv")).getAttribute("href"));
            if (!figure.findElements(By.cssSelector("p.empty")).isEmpty()) {
                // an empty chart's CSV has its rows all the same, with nothing but zeros and gaps
                assertThat(records).as(id).allSatisfy(r -> assertThat(r.toList().subList(1, r.size()))
                        .allMatch(v -> v.isEmpty() || v.equals("0")));
                continue;
            }
            List<WebElement> rows = figure.findElements(By.cssSelector("tbody tr"));
            assertThat(records).as(id).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                String label = rows.get(i).findElement(By.tagName("th")).getText();
                assertThat(records.get(i).get(0).replaceFirst("^'", "")).as(id).isEqualTo(label);
                List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText)
                        .toList();
                assertThat(records.get(i).toList().subList(1, records.get(i).size())).as(id).isEqualTo(cells);
            }
        }
        List<CSVRecord> engagement = csv(base + "/dashboard/csv/engagement?weeks=12&lang=en");
        assertThat(engagement).anySatisfy(r -> {
            assertThat(r.get("Member organisation")).isEqualTo(HOSTILE);
            assertThat(r.get("Members registered")).isEqualTo("2");
            assertThat(r.get("Newsletter taps")).isEqualTo("1");
        });
    }

    @Test
    @DisplayName("The period filter changes the figures: sign-ups six weeks ago count in 12 weeks, not in 4; "
            + "a period not offered is refused with the reason")
    void periodFilter() throws Exception {
        seed(bot.store());
        bot.clock.advance(Duration.ofDays(42));
        logIn();
        open("/dashboard", DESKTOP);
        assertThat(row("engagement", HOSTILE)).containsExactly("2", "2", "1", "1");
        assertThat(sum("new-members")).isEqualTo(2);
        assertThat(sum("reminders")).isEqualTo(3);

        new Select(browser.findElement(By.id("weeks"))).selectByValue("4");
        browser.findElement(By.id("apply")).click();
        waitFor(b -> b.getCurrentUrl().contains("weeks=4") ? true : null);
        assertThat(browser.findElement(By.id("as-at")).getText()).contains("for the last 4 weeks");
        assertThat(row("engagement", HOSTILE)).containsExactly("2", "0", "0", "0");
        assertThat(emptySentence("new-members")).contains("No one registered in the last 4 weeks");
        // what happened six weeks ago is outside the period: the sentences say so, not "nothing yet"
        assertThat(emptySentence("newsletters")).isEqualTo("No newsletter in the last 4 weeks. Choose a longer period "
                + "to see earlier ones, or send one with /newsletter.");
        assertThat(emptySentence("reminders")).startsWith("No reminder went to an action lead in the last 4 weeks. "
                + "Choose a longer period");
        assertThat(emptySentence("groups")).startsWith("No one joined, left or was removed from a group in the last 4 "
                + "weeks");
        assertThat(emptySentence("new-organisations")).isEqualTo("No member organisation added in the last 4 weeks. "
                + "Choose a longer period to see earlier ones.");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("No newsletter sent yet");
        open("/dashboard?weeks=4&lang=cy", DESKTOP);
        assertThat(emptySentence("newsletters")).isEqualTo("Dim cylchlythyr yn y 4 wythnos ddiwethaf. Dewiswch gyfnod "
                + "hirach i weld rhai cynharach, neu anfonwch un gyda /newsletter.");
        assertThat(emptySentence("reminders")).startsWith("Ni aeth nodyn atgoffa at arweinydd cam yn y 4 wythnos "
                + "ddiwethaf.");
        open("/dashboard?weeks=4", DESKTOP);
        assertThat(csv(base + "/dashboard/csv/engagement?weeks=4&lang=en")).anySatisfy(r ->
                assertThat(r.get("Groups joined")).isEqualTo("0"));

        HttpResponse<String> bad = get("/dashboard?weeks=5");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("4, 12 or 52 weeks");
        assertThat(get("/dashboard/csv/engagement?weeks=abc").statusCode()).isEqualTo(400);
        assertThat(get("/dashboard/csv/nothing?weeks=4").statusCode()).isEqualTo(404);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
                + "/dashboard/csv/engagement")).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(401);
    }

    @Test
    @DisplayName("Printed, the dashboard drops its buttons, filter and downloads, and keeps its date and period")
    void printView() throws Exception {
        logIn();
        open("/dashboard?weeks=52", DESKTOP);
        ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                java.util.Map.of("media", "print"));
        try {
            assertThat(browser.findElement(By.id("as-at")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("as-at")).getText())
                    .isEqualTo("Figures as at 25 November 2026, for the last 52 weeks.");
            // over a year, weeks carry their year
            assertThat(browser.findElements(By.cssSelector("#chart-new-members p.empty"))).hasSize(1);
            assertThat(csv(base + "/dashboard/csv/new-members?weeks=52&lang=en")).hasSize(52).first()
                    .satisfies(r -> assertThat(r.get("Week beginning")).isEqualTo("1 Dec 2025"));
            assertThat(browser.findElement(By.id("print")).isDisplayed()).isFalse();
            assertThat(browser.findElement(By.id("weeks")).isDisplayed()).isFalse();
            assertThat(browser.findElements(By.cssSelector("a.csv"))).isNotEmpty()
                    .noneMatch(WebElement::isDisplayed);
            assertThat(browser.findElement(By.cssSelector("#chart-measures canvas")).isDisplayed()).isTrue();
        } finally {
            ((org.openqa.selenium.chromium.HasCdp) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                    java.util.Map.of("media", ""));
        }
    }

    /**
     * A member organisation with a hostile name and two of its officers registered, in a group; a newsletter with a
     * hostile title to both: one delivered, one blocked; one tapped "useful", one unsubscribed.
     */
    private void seed(Store store) {
        ImportSections.importer(store, MilestoneDates.defaults()).importSources(List.of(new ImportSource(
                "organisations.csv", "name,category,region,network_member,notes\n\"" + HOSTILE
                + "\",full,london,true,\n")));
        long organisation = store.organisations().findByName(HOSTILE).orElseThrow().id();
        long group = store.groups().catalogue().byCode("health-social-care").orElseThrow().id();
        for (long id : List.of(5001L, 5002L)) {
            store.members().recordContact(id, HOSTILE, Optional.empty(), "en");
            store.members().saveProfile(id, new Profile(Optional.of(organisation), Optional.empty(),
                    Optional.of("full"), Optional.of(WorkRole.OFFICER), Optional.of("london")));
            long member = store.members().findByTelegramId(id).orElseThrow().id();
            store.newsletters().subscriptions().subscribe(member, "monthly", "yes", "en");
            store.groups().memberships().joined(group, id);
        }
        NewsletterRepository issues = store.newsletters().issues();
        long issue = issues.createDraft(new Content("<img src=x onerror=alert(2)>", "Hello", Media.TEXT,
                Optional.empty(), List.of()), "monthly", TestBot.STAFF_ID);
        // deliveries held back for a year, so that the test, not the sender, decides what became of them
        Instant later = bot.clock.instant().plus(Duration.ofDays(365));
        issues.start(issue, TestBot.STAFF_ID, r -> new OutboxMessage("test:" + issue + ":" + r.memberId(),
                OutboxLane.BROADCAST, NewsletterRepository.KIND, issue, r.telegramUserId(), "{}", later), List.of());
        List<OutboxRow> rows = store.outbox().byRef(NewsletterRepository.KIND, issue);
        store.outbox().markSent(rows.get(0).id(), Optional.of(1));
        store.outbox().markFailed(rows.get(1).id(), OutboxStatus.BLOCKED, "blocked by the user");
        long first = store.members().findByTelegramId(5001).orElseThrow().id();
        long second = store.members().findByTelegramId(5002).orElseThrow().id();
        issues.recordTap(issue, first, "useful");
        issues.recordTap(issue, second, "unsubscribe");

        // reminders of an action's milestones: the first member answers theirs; of the second's, one is passed on
        Action action = store.plans().byCode("1.1").get(0);
        Milestone milestone = action.milestones().get(0);
        ReminderRepository schedule = store.reminders().schedule();
        Instant hourAgo = bot.clock.instant().minus(Duration.ofHours(1));
        int n = 0;
        for (long[] who : new long[][] {{first, 5001}, {second, 5002}, {second, 5002}}) {
            Instant slot = hourAgo.minus(Duration.ofMinutes(n));
            ReminderTarget target = new ReminderTarget(milestone.id(), action.id(), LocalDate.of(2026, 11, 25),
                    who[0], who[1], "en", hourAgo, Optional.empty(), Optional.empty());
            String key = "test-reminder:" + n++;
            schedule.queue(target, List.of(new ReminderRepository.Slot(slot, ReminderRepository.Kind.DUE)),
                    new OutboxMessage(key, OutboxLane.REMINDER, "reminder", milestone.id(), who[1], "{}", later));
            if (n == 3) {
                schedule.markEscalated(schedule.reminderOf(key).orElseThrow());
            }
        }
        store.reminders().progress().record(action.id(), Optional.of(milestone.id()),
                Optional.of(first), Answer.ON_TRACK, Optional.empty());
        // a later note of the same lead answers no reminder (theirs is answered already): it is not counted as one
        bot.clock.advance(Duration.ofMinutes(1));
        store.reminders().progress().record(action.id(), Optional.of(milestone.id()),
                Optional.of(first), Answer.NOTE, Optional.of("Met the printer."));
        // an audit entry whose details are hostile
        store.auditLog().record(Optional.of(TestBot.STAFF_ID), "dashboard.login", "", HOSTILE);
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    private void logIn() {
        browser.manage().deleteAllCookies();
        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
        bot.send(staff, "/dashboard");
        Matcher token = Pattern.compile("token=([A-Za-z0-9_\\-]+)").matcher(bot.awaitText(TestBot.STAFF_ID,
                "/dashboard/login?token=").text());
        assertThat(token.find()).isTrue();
        browser.get(base + "/dashboard/login?token=" + token.group(1));
        browser.findElement(By.id("login")).click();
        waitFor(b -> b.getCurrentUrl().endsWith("/dashboard") ? true : null);
    }

    private void open(String path, Dimension size) {
        browser.manage().window().setSize(size);
        browser.get(base + path);
        waitFor(b -> ((JavascriptExecutor) b).executeScript("return document.readyState").equals("complete"));
    }

    private static void noConsoleErrors() {
        assertThat(browser.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll())
                .filteredOn(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .as("the browser's console").isEmpty();
    }

    /** With -Dscreenshots=DIR: the whole page as a PNG, to look at (not compared with anything). */
    private static void screenshot(String name, List<String> sections) {
        String folder = System.getProperty("screenshots");
        if (folder == null) {
            return;
        }
        try {
            Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollHeight");
            Dimension size = browser.manage().window().getSize();
            browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(12000, height.intValue() + 150)));
            byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            Files.write(Path.of(folder, name + ".png"), png);
            for (String section : sections) {
                Files.write(Path.of(folder, name + "-" + section + ".png"), browser.findElement(By.id(section))
                        .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            }
            browser.manage().window().setSize(size);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void noSidewaysScroll(Dimension size) {
        Number scroll = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - window.innerWidth");
        assertThat(scroll.intValue()).as("the dashboard scrolls sideways at " + size).isLessThanOrEqualTo(0);
    }

    /** Whether Chart.js drew the chart (a chart object on its figure, with a canvas of some size). */
    private static boolean drawn(String chart) {
        return waitFor(b -> (Boolean) ((JavascriptExecutor) b).executeScript("var f = document.getElementById("
                + "'chart-' + arguments[0]); return !!(f && f.chart && f.querySelector('canvas').height > 50) || null;",
                chart));
    }

    /**
     * The labels beside horizontal bars that Chart.js draws past the canvas's left edge: each is drawn right-aligned
     * at the label axis's right edge less the tick mark and padding, so it is cut when wider than that.
     */
    @SuppressWarnings("unchecked")
    private static List<String> clippedLabels() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("""
                var cut = [];
                document.querySelectorAll('figure.chart[data-shape="bars"]').forEach(function (f) {
                  if (!f.chart) { return; }
                  var s = f.chart.scales.y, ctx = f.chart.ctx;
                  ctx.save();
                  ctx.font = Chart.helpers.toFont(s.options.ticks.font).string;
                  s.ticks.forEach(function (t) {
                    var room = s.right - s.options.grid.tickLength - s.options.ticks.padding;
                    if (ctx.measureText(t.label).width > room + 0.5) { cut.push(f.id + ': ' + t.label); }
                  });
                  ctx.restore();
                });
                return cut;""");
    }

    private static String emptySentence(String chart) {
        return browser.findElement(By.cssSelector("#chart-" + chart + " p.empty")).getText();
    }

    /** The figures of the table row with this label. */
    private static List<String> row(String chart, String label) {
        for (WebElement row : browser.findElements(By.cssSelector("#chart-" + chart + " tbody tr"))) {
            if (row.findElement(By.tagName("th")).getText().equals(label)) {
                return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            }
        }
        throw new AssertionError("no row " + label + " in " + chart);
    }

    private static int sum(String chart) {
        return browser.findElements(By.cssSelector("#chart-" + chart + " tbody td")).stream()
                .mapToInt(td -> Integer.parseInt(td.getText())).sum();
    }

    private HttpResponse<String> get(String path) throws Exception {
        String session = browser.manage().getCookieNamed("ccin_session").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "ccin_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<CSVRecord> csv(String url) throws Exception {
        HttpResponse<String> response = get(url.startsWith("http") ? url.substring(base.length()) : url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        try (CSVParser parser = CSVParser.parse(new StringReader(response.body()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return parser.getRecords();
        }
    }
}
