package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ccin.store.importing.ImportReport;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.plan.MilestoneDates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dashboard's measures page and its CSV, over real HTTP, behind the staff login of /dashboard. */
class MeasuresDashboardTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private String base;

    @BeforeEach
    void start() {
        base = "http://127.0.0.1:" + bot.webPort();
    }

    @Test
    @DisplayName("Without a staff session the measures page and its CSV are refused")
    void needsLogin() throws Exception {
        HttpResponse<String> page = get("/dashboard/measures", "");
        HttpResponse<String> csv = get("/dashboard/measures.csv", "");
        HttpResponse<String> forged = get("/dashboard/measures.csv", "ccin_session=not-a-session");

        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("log in").doesNotContain("Full Council Members");
        assertThat(csv.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.body()).doesNotContain("full-council-members");
    }

    @Test
    @DisplayName("Staff see each measure's figures per year against its target, a chart each (Chart.js over its data "
            + "table), and a link from the dashboard")
    void page() throws Exception {
        String cookie = bot.dashboardCookie(bot.user(TestBot.STAFF_ID, "Sam"));

        HttpResponse<String> dashboard = get("/dashboard", cookie);
        HttpResponse<String> page = get("/dashboard/measures", cookie);
        HttpResponse<String> welsh = get("/dashboard/measures?lang=cy", cookie);

        assertThat(dashboard.body()).contains("id=\"measures-link\" href=\"/dashboard/measures?lang=en\"");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<th>July 2021</th><th>July 2022</th><th>July 2023</th><th>July 2024</th>"
                        + "<th>Target</th>")
                .contains("<tr data-measure=\"full-council-members\"><td>Full Council Members (1. A cooperative "
                        + "network)</td><td>33</td><td>34</td><td>45</td><td>47*</td><td>an improving trend by July "
                        + "2025 and July 2026</td></tr>")
                .contains("<tr data-measure=\"policy-labs\"><td>Number of Policy Labs (2. Cooperative councils)</td>"
                        + "<td></td><td>8</td><td>6</td><td>4*</td><td></td></tr>")
                .contains("<td>over 300</td>").contains("<td>54%*</td>")
                .contains("<figure class=\"chart\" id=\"chart-measure-policy-lab-participation\"")
                .contains("<script src=\"/assets/chart.umd.min.js\" defer></script>")
                .contains("<tr><th scope=\"row\">July 2024*</th><td data-value=\"47\">47</td><td data-value=\"\"></td></tr>");
        assertThat(welsh.body()).contains("<th>Gorffennaf 2024</th>").contains("Aelodau Cyngor Llawn")
                .contains("tuedd sy'n gwella erbyn Gorffennaf 2025 a Gorffennaf 2026");
    }

    @Test
    @DisplayName("The CSV download is in the import format: it parses, and importing it back changes nothing")
    void csvRoundTrip() throws Exception {
        String cookie = bot.dashboardCookie(bot.user(TestBot.STAFF_ID, "Sam"));

        HttpResponse<String> csv = get("/dashboard/measures.csv", cookie);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.body()),
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactly("measure", "name", "nameCy", "unit", "plan",
                    "objective", "note", "noteCy", "asAt", "figure", "provisional", "target");
            records = parser.getRecords();
        }
        assertThat(records).filteredOn(r -> r.get("measure").equals("case-studies"))
                .extracting(r -> r.get("asAt") + " " + r.get("figure") + " " + r.get("provisional") + " "
                        + r.get("target"))
                .containsExactly("2021-07 over 300  ", "2022-07 over 420  ", "2023-07 478  ", "2024-07 535 yes ",
                        "2025-07   improving", "2026-07   improving");
        ImportReport again = ImportSections.importer(bot.store(), MilestoneDates.defaults())
                .importSources(List.of(new ImportSource("measures.csv", csv.body())));
        assertThat(again.describe()).isEqualTo("measures: 0 added, 0 updated, 14 unchanged");
    }

    @Test
    @DisplayName("Once the bot funded a project, the page adds its own count of the year so far beside the figures")
    void soFarThisYear() throws Exception {
        String cookie = bot.dashboardCookie(bot.user(TestBot.STAFF_ID, "Sam"));
        FundedLabs.fundOne(bot);

        HttpResponse<String> page = get("/dashboard/measures", cookie);
        HttpResponse<String> welsh = get("/dashboard/measures?lang=cy", cookie);

        assertThat(page.body()).contains("<th>July 2024</th><th class=\"so-far\">So far since 1 August 2026 (counted "
                        + "by the bot)</th><th>Target</th>")
                .contains("<tr data-measure=\"policy-labs\"><td>Number of Policy Labs (2. Cooperative councils)</td>"
                        + "<td></td><td>8</td><td>6</td><td>4*</td><td class=\"so-far\">1</td><td></td></tr>")
                .contains("<td>33</td><td>34</td><td>45</td><td>47*</td><td class=\"so-far\"></td>");
        assertThat(welsh.body()).contains("Hyd yma ers 1 Awst 2026 (cyfrif y bot)");
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
