package org.ccin.bot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.Words;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The precompiled jte templates escape what they show, in text and in attributes, with nothing trusted. */
class TemplatesEscapeTest {
    private static final String HOSTILE = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"><img src=x onerror=alert(2)>";
    private final Words words = new Words(new Messages().in(Language.EN));

    @Test
    @DisplayName("A chart's labels, series and title from data are escaped in its table, caption and attributes")
    void chart() {
        ChartData chart = new ChartData("engagement", HOSTILE, "Member organisation", ChartData.Shape.BARS, false,
                List.of(new ChartData.Series(BREAKOUT, "#1a5fb4")),
                List.of(new ChartData.Row(HOSTILE, List.of(2)), new ChartData.Row(BREAKOUT, List.of(1))), "none");
        String html = Templates.render("dashboard/dashboard.jte", new DashboardView(words, BREAKOUT, 12,
                DashboardSections.PERIODS, "25 November 2026", List.of(new Section("engagement", HOSTILE, BREAKOUT,
                        List.of(chart)).withLines(List.of(HOSTILE))),
                List.of(new org.ccin.bot.routing.StaffPage("x-link", "web.events.title", "/dashboard/x\"><script>"))));

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain(HOSTILE).doesNotContain("<img")
                .contains("<th scope=\"row\">&lt;script&gt;alert(1)&lt;/script&gt;</th>")
                .doesNotContain("/dashboard/x\"><script>")
                // in an attribute jte escapes what could end it or start a tag: " & < (a > is harmless there)
                .contains("aria-label=\"&lt;script>alert(1)&lt;/script>\"")
                .contains("<input type=\"hidden\" name=\"csrf\" value=\"&#34;>&lt;img src=x onerror=alert(2)>\">")
                .contains("<th scope=\"row\">\"&gt;&lt;img src=x onerror=alert(2)&gt;</th>")
                .contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>")
                .contains("<option value=\"12\" selected>Last 12 weeks</option>");
        // the page's own scripts are the only ones, served by the bot
        assertThat(html.split("<script", -1)).hasSize(4);
        assertThat(html).contains("<script src=\"/assets/chart.umd.min.js\" defer></script>");
    }

    @Test
    @DisplayName("The login page's token and landing page are escaped in their attributes")
    void login() {
        String html = Templates.render("dashboard/message.jte", new MessageView(words, "Log in?", BREAKOUT, BREAKOUT,
                BREAKOUT));

        assertThat(html).doesNotContain("<img").contains("value=\"&#34;>&lt;img src=x onerror=alert(2)>\"")
                .contains("name=\"next\" value=\"&#34;>&lt;img src=x onerror=alert(2)>\"")
                .contains("<button class=\"primary\" id=\"login\" type=\"submit\">Log in</button>");
    }
}
