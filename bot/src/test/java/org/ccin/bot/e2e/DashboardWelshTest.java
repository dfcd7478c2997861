package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard in the staff member's language, over real HTTP: their browser asks for Welsh (no {@code ?lang}), and
 * the headings and every date (the page's date, the weeks of the charts and their CSVs) come in Welsh.
 */
class DashboardWelshTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private String base;
    private String cookie;

    /** A member registered this week (Wednesday 25 November 2026), so that the week of Monday the 23rd has a figure. */
    @BeforeEach
    void start() {
        base = "http://127.0.0.1:" + bot.webPort();
        bot.registered(bot.user(42, "Cai"));
        cookie = bot.dashboardCookie(bot.user(TestBot.STAFF_ID, "Sam"));
    }

    @Test
    @DisplayName("A Welsh staff member sees Welsh section headings and Welsh dates, over 12 and 52 weeks and in a CSV")
    void welsh() throws Exception {
        HttpResponse<String> page = get("/dashboard", "cy");
        HttpResponse<String> year = get("/dashboard?weeks=52", "cy-GB,cy;q=0.9,en;q=0.5");
        HttpResponse<String> csv = get("/dashboard/csv/new-members?weeks=12", "cy");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"cy\"")
                .contains(">Aelodau a sefydliadau</h2>").contains(">Nodiadau atgoffa</h2>")
                .contains("Ffigurau ar 25 Tachwedd 2026, ar gyfer y 12 wythnos ddiwethaf.")
                .contains("<th scope=\"row\">23 Tach</th>")
                .doesNotContain("Members and organisations").doesNotContain("November").doesNotContain("23 Nov");
        assertThat(year.body()).contains("ar gyfer y 52 wythnos ddiwethaf").contains("<th scope=\"row\">23 Tach 2026</th>")
                .doesNotContain("Nov 2026");
        assertThat(csv.body().lines().findFirst()).contains("Wythnos yn dechrau,Aelodau newydd");
        assertThat(csv.body()).contains("23 Tach,1").contains("7 Medi,0");
    }

    @Test
    @DisplayName("The same page for an English browser is in English, dates too")
    void english() throws Exception {
        HttpResponse<String> page = get("/dashboard", "en-GB,en;q=0.8");

        assertThat(page.body()).contains(">Members and organisations</h2>")
                .contains("Figures as at 25 November 2026, for the last 12 weeks.")
                .contains("<th scope=\"row\">23 Nov</th>").doesNotContain("Tachwedd").doesNotContain("Tach<");
    }

    private HttpResponse<String> get(String path, String languages) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
                .header("Accept-Language", languages).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
