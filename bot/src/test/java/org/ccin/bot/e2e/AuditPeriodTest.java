package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The audit page's period, over real HTTP behind the staff login: the table, its pages and the CSV download. */
class AuditPeriodTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private String base;
    private String cookie;

    /** Three warnings six weeks ago, then 60 this week (more than a page of 50), then a staff login. */
    @BeforeEach
    void start() {
        base = "http://127.0.0.1:" + bot.webPort();
        for (int i = 1; i <= 3; i++) {
            bot.store().auditLog().record(Optional.of(TestBot.STAFF_ID), "moderation.warned", "", "old warning " + i);
        }
        bot.clock.advance(Duration.ofDays(42));
        for (int i = 1; i <= 60; i++) {
            bot.store().auditLog().record(Optional.of(TestBot.STAFF_ID), "moderation.warned", "", "recent warning " + i);
            bot.clock.advance(Duration.ofSeconds(1));
        }
        cookie = bot.dashboardCookie(bot.user(TestBot.STAFF_ID, "Sam"));
    }

    @Test
    @DisplayName("Over the last 4 weeks the six-week-old entries are not shown, on any page or in the CSV; over 52 "
            + "weeks they are; the links keep the period")
    void periodFiltersPageAndCsv() throws Exception {
        HttpResponse<String> four = get("/dashboard/audit?kind=warn&weeks=4");
        assertThat(four.statusCode()).isEqualTo(200);
        assertThat(four.body()).contains("60 entries match.").contains("recent warning 60")
                .doesNotContain("old warning")
                .contains("<option value=\"4\" selected>Last 4 weeks</option>")
                .contains("<option value=\"\">All time</option>");
        String older = href(four.body(), "older");
        assertThat(older).contains("weeks=4").contains("kind=warn").contains("from=50");
        HttpResponse<String> fourPage2 = get(older);
        assertThat(fourPage2.body()).contains("recent warning 1<").doesNotContain("old warning")
                .doesNotContain("id=\"older\"");
        assertThat(href(fourPage2.body(), "newer")).contains("weeks=4").contains("from=0");
        String fourCsv = get(href(four.body(), "csv")).body();
        assertThat(href(four.body(), "csv")).contains("weeks=4");
        assertThat(fourCsv.lines().filter(l -> l.contains("recent warning"))).hasSize(60);
        assertThat(fourCsv).doesNotContain("old warning");

        HttpResponse<String> year = get("/dashboard/audit?kind=warn&weeks=52");
        assertThat(year.body()).contains("63 entries match.")
                .contains("<option value=\"52\" selected>Last 52 weeks</option>");
        assertThat(get(href(year.body(), "older")).body()).contains("old warning 1<").contains("old warning 3<");
        String yearCsv = get(href(year.body(), "csv")).body();
        assertThat(yearCsv.lines().filter(l -> l.contains("old warning"))).hasSize(3);
        assertThat(yearCsv.lines().filter(l -> l.contains("recent warning"))).hasSize(60);
    }

    @Test
    @DisplayName("Without a period, or with one not in the list, the page shows all entries (the latter says so) and "
            + "its links carry no period")
    void defaultAndUnknownPeriod() throws Exception {
        HttpResponse<String> none = get("/dashboard/audit?kind=warn");
        HttpResponse<String> unknown = get("/dashboard/audit?kind=warn&weeks=banana");
        HttpResponse<String> welsh = get("/dashboard/audit?kind=warn&weeks=7&lang=cy");
        HttpResponse<String> csv = get("/dashboard/audit.csv?kind=warn&weeks=-1");

        assertThat(none.body()).contains("63 entries match.").contains("<option value=\"\" selected>All time</option>")
                .doesNotContain("id=\"period-note\"");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("63 entries match.")
                .contains("That period is not in the list, so all entries are shown.");
        assertThat(href(unknown.body(), "csv")).doesNotContain("weeks");
        assertThat(href(unknown.body(), "older")).doesNotContain("weeks");
        assertThat(welsh.statusCode()).isEqualTo(200);
        assertThat(welsh.body()).contains("Dydy'r cyfnod hwnnw ddim yn y rhestr")
                .contains("<option value=\"4\">Y 4 wythnos ddiwethaf</option>");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().filter(l -> l.contains("warning"))).hasSize(63);
    }

    @Test
    @DisplayName("Without a staff session the audit page and its CSV are refused, whatever the period")
    void needsLogin() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base
                + "/dashboard/audit?weeks=4")).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(base
                + "/dashboard/audit.csv?weeks=52")).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).doesNotContain("warning");
        assertThat(csv.statusCode()).isEqualTo(401);
        assertThat(csv.body()).doesNotContain("warning");
    }

    /** The link of the element with this id, as the browser would follow it. */
    private static String href(String html, String id) {
        Matcher link = Pattern.compile("id=\"" + id + "\" href=\"([^\"]+)\"").matcher(html);
        assertThat(link.find()).as("a link with id " + id).isTrue();
        return link.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
