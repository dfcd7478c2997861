package org.ccin.bot.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.sandbox.Persona;
import org.ccin.bot.sandbox.Sandbox;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Objective;
import org.ccin.store.reminders.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 * The sandbox, /plan and /dashboard in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run
 * installs them). Without them these tests are skipped with a notice, unless CCIN_REQUIRE_BROWSER is set (CI sets
 * it), where a missing browser fails the build.
 */
class PagesInBrowserTest {
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Dimension DESKTOP = new Dimension(1280, 900);
    private static final Dimension PHONE = new Dimension(390, 844);

    @TempDir
    static Path dir;

    private static Sandbox sandbox;
    private static WebDriver browser;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present && System.getenv("CCIN_REQUIRE_BROWSER") != null) {
            throw new IllegalStateException("CCIN_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "browser tests skipped: install chromium and chromium-driver to run them");
        sandbox = Sandbox.start(dir.resolve("demo.db"), 0, Map.of());
        base = "http://localhost:" + sandbox.webPort();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(DESKTOP);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private static <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition);
    }

    /** The newest message in the open chat whose text contains the fragment. */
    private static WebElement message(String fragment) {
        return waitFor(b -> {
            List<WebElement> found = b.findElements(By.cssSelector("#messages .msg"));
            for (int i = found.size() - 1; i >= 0; i--) {
                try {
                    if (found.get(i).getText().contains(fragment)) {
                        return found.get(i);
                    }
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return null;
                }
            }
            return null;
        });
    }

    private static void click(String buttonText) {
        waitFor(b -> {
            List<WebElement> buttons = b.findElements(By.cssSelector("#messages button.kb"));
            for (int i = buttons.size() - 1; i >= 0; i--) {
                try {
                    if (buttons.get(i).getText().equals(buttonText)) {
                        buttons.get(i).click();
                        return true;
                    }
                } catch (org.openqa.selenium.StaleElementReferenceException e) {
                    return null;
                }
            }
            return null;
        });
    }

    private static void type(String text) {
        WebElement input = browser.findElement(By.id("text"));
        input.sendKeys(text);
        browser.findElement(By.id("send")).click();
    }

    private static void openChat(String title) {
        waitFor(b -> {
            try {
                for (WebElement chat : b.findElements(By.cssSelector("#chats button.chat"))) {
                    if (chat.getText().startsWith(title)) {
                        chat.click();
                        return true;
                    }
                }
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                // the list was drawn again meanwhile: look again
            }
            return null;
        });
        waitFor(b -> b.findElement(By.id("chat-title")).getText().startsWith(title) ? true : null);
    }

    private static void fitsThePhone(String path) {
        browser.manage().window().setSize(PHONE);
        try {
            browser.get(base + path);
            waitFor(b -> ((JavascriptExecutor) b).executeScript("return document.readyState").equals("complete"));
            Number scroll = (Number) ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(scroll.intValue()).as(path + " scrolls sideways on a phone").isLessThanOrEqualTo(0);
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @DisplayName("Sandbox: a newcomer registers by clicking, then joins a group through its invite link and is welcomed")
    void registerAndJoinByClicking() {
        Persona newcomer = sandbox.newcomer();
        browser.get(base + "/sandbox?as=" + newcomer.id());
        waitFor(b -> b.findElement(By.id("persona")).getAttribute("value").equals(String.valueOf(newcomer.id())) ? true : null);
        // a chat that has not begun says how to begin, with the Start button a Telegram app shows
        WebElement start = waitFor(b -> b.findElements(By.cssSelector("#messages .empty-hint button")).stream()
                .findFirst().orElse(null));
        assertThat(browser.findElement(By.cssSelector("#messages .empty-hint")).getText()).contains("send /start");
        start.click();
        message("Which language");
        click("English");
        message("Type its name");
        type("Oldham");
        click("Oldham Council");
        click("Full Member");
        click("Officer");
        click("North West");
        message("you're registered");

        type("/groups");
        message("The network's groups");
        click("☐ Health and social care");
        click("Continue (1) ›");
        message("Before you join");
        click("I accept the rules");
        message("Here are your invitations");
        click("Join Health and social care");
        openChat("Health and social care");
        message("Welcome to Health and social care, " + newcomer.name());
        assertThat(sandbox.app().store().groups().memberships().isIn(
                sandbox.app().store().groups().catalogue().byCode("health-social-care").orElseThrow().id(),
                newcomer.id())).isTrue();
        fitsThePhone("/sandbox?as=" + newcomer.id());
    }

    @Test
    @DisplayName("Sandbox: staff's dashboard link is a link to click; on a phone the chat comes before the list of chats")
    void dashboardLinkAndPhoneLayout() {
        browser.get(base + "/sandbox?as=2003");
        waitFor(b -> b.findElement(By.id("persona")).getAttribute("value").equals("2003") ? true : null);
        type("/dashboard");
        WebElement link = waitFor(b -> b.findElements(By.cssSelector("#messages a[href*='/dashboard/login?token=']"))
                .stream().reduce((first, second) -> second).orElse(null));
        assertThat(link.getAttribute("target")).isEqualTo("_blank");
        browser.manage().window().setSize(PHONE);
        try {
            browser.navigate().refresh();
            waitFor(b -> b.findElements(By.cssSelector("#chats button.chat")).isEmpty() ? null : true);
            int chatTop = browser.findElement(By.id("chat")).getRect().getY();
            int listTop = browser.findElement(By.id("side")).getRect().getY();
            assertThat(chatTop).as("the chat is above the list of chats on a phone").isLessThan(listTop);
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    @Test
    @DisplayName("/plan prints with the first objective on page 1, each later one on a page of its own, and the plan, "
            + "its version and the date at the foot of every page")
    void planPrints() throws Exception {
        browser.get(base + "/plan");
        waitFor(b -> b.findElements(By.cssSelector("section.objective")).isEmpty() ? null : true);
        org.openqa.selenium.Pdf pdf = ((org.openqa.selenium.PrintsPage) browser).print(
                new org.openqa.selenium.print.PrintOptions());
        byte[] bytes = java.util.Base64.getDecoder().decode(pdf.getContent());
        java.nio.file.Files.write(dir.resolve("plan.pdf"), bytes);
        if (System.getProperty("plan.pdf") != null) {
            java.nio.file.Files.write(Path.of(System.getProperty("plan.pdf")), bytes); // to look at it
        }
        String plan = sandbox.app().store().plans().currentPlan().orElseThrow().code();
        List<Objective> objectives = sandbox.app().store().plans().objectives(plan);
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            int pages = document.getNumberOfPages();
            // at most one page per objective: each objective starts a page and fits on it
            assertThat(pages).isLessThanOrEqualTo(objectives.size());
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document).replaceAll("\\s+", " ");
                assertThat(text).as("page " + page).contains("version").contains("as at");
                if (page == 1) {
                    assertThat(text).as("page 1 holds the first objective, not only the header")
                            .contains(objectives.get(0).code() + ". ");
                }
                if (page <= objectives.size()) {
                    assertThat(text).as("page " + page + " holds its objective").contains(objectives.get(page - 1)
                            .code() + ". " + objectives.get(page - 1).title().split(" ")[0]);
                }
            }
        }
    }

    @Test
    @DisplayName("/plan shows each action of the sample plan with its traffic light, and fits a phone")
    void planShowsTheTrafficLights() {
        browser.get(base + "/plan");
        waitFor(b -> b.findElements(By.cssSelector("li.action")).isEmpty() ? null : true);
        String plan = sandbox.app().store().plans().currentPlan().orElseThrow().code();
        int checked = 0;
        for (Objective objective : sandbox.app().store().plans().objectives(plan)) {
            for (Action action : sandbox.app().store().plans().actionsOf(objective.id())) {
                WebElement item = browser.findElement(By.id("action-" + action.code()));
                assertThat(item.getAttribute("data-progress")).as(action.code()).isEqualTo(action.progress().name());
                assertThat(item.getAttribute("class")).contains("light-" + action.progress().name().toLowerCase());
                assertThat(item.findElement(By.cssSelector(".status")).getText().toLowerCase())
                        .isEqualTo(action.progress().name().toLowerCase().replace('_', ' '));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(browser.findElement(By.id("action-1.1")).getText()).contains("Claire Ward");
        fitsThePhone("/plan");
    }

    @Test
    @DisplayName("/plan says in words beside the light which actions are overdue and since when, keeps the light as "
            + "the lead set it, shows the latest note as text; the dashboard lists the overdue actions")
    void planShowsOverdueAndNotes() {
        // GIVEN today (the sandbox runs on the real clock, in the network's time zone) and a note on 1.4
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        DateTimeFormatter english = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        Action welcomePack = sandbox.app().store().plans().byCode("1.4").get(0);
        sandbox.app().store().reminders().progress().record(welcomePack.id(), Optional.empty(), Optional.empty(),
                Answer.NOTE, Optional.of("Pack ordered from the printer."));
        sandbox.app().store().reminders().progress().record(welcomePack.id(), Optional.empty(), Optional.empty(),
                Answer.NOTE, Optional.of("Pack <b>printed</b> & posted"));

        // WHEN anyone opens /plan
        browser.get(base + "/plan");
        waitFor(b -> b.findElements(By.cssSelector("li.action")).isEmpty() ? null : true);

        // THEN each overdue action says so in words, with the date its milestone was due; the others do not
        String plan = sandbox.app().store().plans().currentPlan().orElseThrow().code();
        int overdue = 0;
        int onTime = 0;
        for (Objective objective : sandbox.app().store().plans().objectives(plan)) {
            for (Action action : sandbox.app().store().plans().actionsOf(objective.id())) {
                WebElement item = browser.findElement(By.id("action-" + action.code()));
                List<WebElement> marks = item.findElements(By.cssSelector(".overdue"));
                Optional<LocalDate> since = action.overdueSince(today);
                if (since.isPresent()) {
                    assertThat(marks).as(action.code()).singleElement().satisfies(mark -> {
                        assertThat(mark.getText()).isEqualTo("⏰ Overdue since " + since.get().format(english));
                        assertThat(mark.getAttribute("data-overdue-since")).isEqualTo(since.get().toString());
                    });
                    overdue++;
                } else {
                    assertThat(marks).as(action.code()).isEmpty();
                    onTime++;
                }
                // the light and its word stay as the lead set them
                assertThat(item.getAttribute("data-progress")).isEqualTo(action.progress().name());
                assertThat(item.findElement(By.cssSelector(".status")).getText().toLowerCase())
                        .isEqualTo(action.progress().name().toLowerCase().replace('_', ' '));
            }
        }
        assertThat(overdue).isGreaterThan(0);
        assertThat(onTime).isGreaterThan(0);
        WebElement oneFour = browser.findElement(By.id("action-1.4"));
        assertThat(oneFour.findElement(By.cssSelector(".overdue")).getText()).isEqualTo("⏰ Overdue since 31 Aug 2024");
        assertThat(browser.findElement(By.cssSelector(".legend")).getText()).contains("Overdue: a milestone's date");

        // AND the latest note shows with who and when, as text
        WebElement note = oneFour.findElement(By.cssSelector(".note"));
        assertThat(note.getText()).isEqualTo("Latest note (staff, " + today.format(english) + "): "
                + "Pack <b>printed</b> & posted");
        assertThat(note.findElements(By.tagName("b"))).isEmpty();
        // the older notes on demand: closed at first, opened by its summary
        WebElement history = oneFour.findElement(By.cssSelector("details.history"));
        WebElement summary = history.findElement(By.tagName("summary"));
        assertThat(summary.getText()).isEqualTo("All notes (2)");
        WebElement older = history.findElements(By.tagName("li")).get(1);
        assertThat(older.isDisplayed()).isFalse();
        summary.click();
        waitFor(b -> older.isDisplayed() ? true : null);
        assertThat(older.getText()).isEqualTo("staff, " + today.format(english) + ": Pack ordered from the printer.");
        fitsThePhone("/plan");

        // AND in Welsh
        browser.get(base + "/plan?lang=cy");
        assertThat(browser.findElement(By.id("action-1.4")).findElement(By.cssSelector(".overdue")).getText())
                .isEqualTo("⏰ Yn hwyr ers 31 Awst 2024");

        // AND staff's dashboard lists every overdue action of the plan, with since when
        logIn();
        List<WebElement> rows = browser.findElements(By.cssSelector("#plan-list li"));
        assertThat(rows).hasSize(sandbox.app().store().plans().overdue(today).size()).hasSize(overdue);
        assertThat(rows).filteredOn(row -> row.getText().startsWith("1.4 ")).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("On track").contains("overdue since 31 Aug 2024"));
    }

    @Test
    @DisplayName("/dashboard refuses without login, takes a fresh one-time link once, and refuses it the second time")
    void dashboardLogin() {
        browser.manage().deleteAllCookies();
        browser.get(base + "/dashboard");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Please log in first");

        FakeUser staff = sandbox.user(2003).orElseThrow();
        int before = sandbox.telegram().messages(staff.id()).size();
        sandbox.telegram().userMessage(staff, "/dashboard");
        String link = waitFor(b -> sandbox.telegram().messages(staff.id()).stream().skip(before)
                .filter(FakeMessage::fromBot).map(FakeMessage::text).map(PagesInBrowserTest::linkIn)
                .filter(l -> !l.isEmpty()).findFirst().orElse(null));

        browser.get(link);
        browser.findElement(By.id("login")).click();
        waitFor(b -> b.getCurrentUrl().endsWith("/dashboard") ? true : null);
        String page = browser.findElement(By.tagName("body")).getText();
        assertThat(page).contains("Members and organisations by membership category", "Traffic lights over time",
                "Log out");
        assertThat(browser.findElements(By.cssSelector("figure.chart canvas"))).isNotEmpty();
        fitsThePhone("/dashboard");

        browser.manage().deleteAllCookies();
        browser.get(link);
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("has been used or has expired");
        browser.get(base + "/dashboard");
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("Please log in first");
        fitsThePhone("/dashboard/login?token=" + link.substring(link.indexOf("token=") + 6));
    }

    @Test
    @DisplayName("A member whose name contains <script> is shown as text in the sandbox, and nothing runs")
    void namesAreShownAsText() {
        String name = "<script>window.hacked=1</script><b>Eve";
        FakeUser eve = sandbox.telegram().addUser(FakeUser.of(4242, name));
        ChatGroup group = sandbox.app().store().groups().catalogue().byCode("health-social-care").orElseThrow();
        sandbox.telegram().groupMessage(eve, group.chatId().orElseThrow(), "Hello <img src=x onerror=window.hacked=2>");
        Persona moderator = sandbox.personas().stream().filter(p -> p.role().equals("moderator")).findFirst().orElseThrow();
        browser.get(base + "/sandbox?as=" + moderator.id());
        openChat("Health and social care");
        WebElement said = message("Hello <img");
        assertThat(said.getText()).contains(name).contains("Hello <img src=x onerror=window.hacked=2>");
        assertThat(said.findElements(By.tagName("script"))).isEmpty();
        assertThat(said.findElements(By.tagName("img"))).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.hacked === undefined")).isEqualTo(true);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    @DisplayName("Sandbox inline mode: typing @bot and words offers case studies; choosing one posts it via the bot")
    void inlineMode() {
        Persona moderator = sandbox.personas().stream().filter(p -> p.role().equals("moderator")).findFirst().orElseThrow();
        browser.get(base + "/sandbox?as=" + moderator.id());
        openChat("Health and social care");
        type("@" + sandbox.telegram().botUsername() + " housing");
        WebElement first = waitFor(b -> b.findElements(By.cssSelector("#inline button.inline-result")).stream()
                .findFirst().orElse(null));
        String title = first.findElement(By.tagName("b")).getText();
        first.click();
        WebElement posted = message(title);
        assertThat(posted.getAttribute("class")).contains("mine");
    }

    @Test
    @DisplayName("The sandbox and /plan speak Welsh when asked")
    void welsh() {
        browser.get(base + "/sandbox?lang=cy");
        waitFor(b -> b.findElements(By.cssSelector("#chats button.chat")).isEmpty() ? null : true);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Blwch tywod bot CCIN");
        assertThat(browser.findElement(By.id("newcomer")).getText()).isEqualTo("Person newydd");
        assertThat(browser.findElement(By.cssSelector("#chats button.chat")).getText()).startsWith("Bot CCIN");
        browser.get(base + "/plan?lang=cy");
        assertThat(browser.findElement(By.cssSelector("#print")).getText()).isEqualTo("Argraffu");
    }

    /** Staff's one-time link from /dashboard, opened and used: the browser has a staff session. */
    private static void logIn() {
        browser.manage().deleteAllCookies();
        FakeUser staff = sandbox.user(2003).orElseThrow();
        int before = sandbox.telegram().messages(staff.id()).size();
        sandbox.telegram().userMessage(staff, "/dashboard");
        String link = waitFor(b -> sandbox.telegram().messages(staff.id()).stream().skip(before)
                .filter(FakeMessage::fromBot).map(FakeMessage::text).map(PagesInBrowserTest::linkIn)
                .filter(l -> !l.isEmpty()).findFirst().orElse(null));
        browser.get(link);
        browser.findElement(By.id("login")).click();
        waitFor(b -> b.getCurrentUrl().endsWith("/dashboard") ? true : null);
    }

    private static HttpResponse<String> fetchAsStaff(String path) throws Exception {
        String session = browser.manage().getCookieNamed("ccin_session").getValue();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", "ccin_session=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @DisplayName("Dashboard audit page: a moderator's warning found by kind and group; the CSV parses back to the same")
    void auditPage() throws Exception {
        // GIVEN a real report in the sandbox: Pat posts, Mo the moderator reports it, Sam of the staff warns Pat
        ChatGroup group = sandbox.app().store().groups().catalogue().byCode("food-justice").orElseThrow();
        long chat = group.chatId().orElseThrow();
        FakeUser pat = sandbox.telegram().addUser(FakeUser.of(4343, "Pat"));
        FakeUser mo = sandbox.user(2002).orElseThrow();
        FakeUser sam = sandbox.user(2003).orElseThrow();
        sandbox.telegram().userMessage(pat, "/help");
        waitFor(b -> sandbox.app().store().members().findByTelegramId(4343).isPresent() ? true : null);
        sandbox.telegram().groupMessage(pat, chat, "Raffle tickets for sale");
        int posted = waitFor(b -> sandbox.telegram().messages(chat).stream()
                .filter(m -> m.text().startsWith("Raffle tickets")).map(FakeMessage::messageId).findFirst().orElse(null));
        sandbox.telegram().groupReply(mo, chat, posted, "/report");
        FakeMessage card = waitFor(b -> sandbox.telegram().messages(sam.id()).stream()
                .filter(m -> m.fromBot() && m.text().contains("Raffle tickets") && !m.buttons().isEmpty())
                .findFirst().orElse(null));
        sandbox.telegram().tapButton(sam, sam.id(), card.messageId(), "Warn");
        waitFor(b -> sandbox.app().store().auditLog().recent(20).stream()
                .anyMatch(e -> e.action().equals("moderation.warned") && e.subjectUserId().equals(
                        java.util.Optional.of(4343L))) ? true : null);

        // WHEN staff open the audit page from the dashboard and filter warnings in Food justice
        logIn();
        browser.findElement(By.id("audit-link")).click();
        waitFor(b -> b.findElements(By.id("filter-kind")).isEmpty() ? null : true);
        new Select(browser.findElement(By.id("filter-kind"))).selectByValue("warn");
        new Select(browser.findElement(By.id("filter-group"))).selectByValue("food-justice");
        browser.findElement(By.id("filter")).click();
        waitFor(b -> b.getCurrentUrl().contains("kind=warn") ? true : null);

        // THEN only warnings of that group are listed, with whom and by whom
        List<WebElement> rows = browser.findElements(By.cssSelector("#audit tr[data-action]"));
        assertThat(rows).isNotEmpty().allSatisfy(row ->
                assertThat(row.getAttribute("data-action")).isEqualTo("moderation.warned"));
        assertThat(rows).anySatisfy(row -> assertThat(row.getText()).contains("Food justice").contains("Pat (4343)")
                .contains("Sam (2003)"));

        // AND the CSV download holds the same entries, read back with a CSV parser
        String csvLink = browser.findElement(By.id("csv")).getAttribute("href");
        HttpResponse<String> csv = fetchAsStaff(csvLink.substring(base.length()));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new java.io.StringReader(csv.body()))) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(rows.size()).allSatisfy(r -> {
            assertThat(r.get("action")).isEqualTo("moderation.warned");
            assertThat(r.get("Group")).isEqualTo("Food justice");
        });
        assertThat(records).anySatisfy(r -> {
            assertThat(r.get("About")).isEqualTo("Pat (4343)");
            assertThat(r.get("By")).isEqualTo("Sam (2003)");
            assertThat(java.time.Instant.parse(r.get("at_utc"))).isBeforeOrEqualTo(java.time.Instant.now());
        });
        for (int i = 0; i < rows.size(); i++) {
            List<WebElement> cells = rows.get(i).findElements(By.tagName("td"));
            assertThat(records.get(i).get("When")).isEqualTo(cells.get(0).getText());
            assertThat(records.get(i).get("About")).isEqualTo(cells.get(3).getText());
        }

        fitsThePhone("/dashboard/audit?kind=warn&group=food-justice");

        // a filter naming nothing known is answered 400 with the reason; without a session, nothing
        HttpResponse<String> bad = fetchAsStaff("/dashboard/audit?kind=bogus");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("is not a kind of entry");
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/dashboard/audit.csv"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    private static String linkIn(String text) {

        Matcher matcher = Pattern.compile("(http://\\S+/dashboard/login\\?token=\\S+)").matcher(text);
        return matcher.find() ? matcher.group(1) : "";
    }
}
