package org.ccin.bot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.plan.DateRange;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.Progress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a typed question asks, recognised before anything is looked up: typos, Welsh, whole sentences, periods. */
class PlanQuestionTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 7, 10);

    private static Optional<PlanQuestion> parse(String text) {
        return PlanQuestion.parse(text, TODAY, MilestoneDates.defaults());
    }

    private static PlanQuestion question(String text) {
        return parse(text).orElseThrow(() -> new AssertionError("not recognised: " + text));
    }

    @ParameterizedTest(name = "{0} → lead of {1}")
    @CsvSource(delimiter = '|', value = {
        "who leads the welcome pack?|welcome pack",
        "whos leading on the whatsapp groups|whatsapp groups",
        "who's in charge of the staffing structure|staffing structure",
        "who is responsible for the brand guidlines|brand guidlines",
        "who is leadng the welcom pack|welcom pack",
        "who runs the podcasts|podcasts",
        "who leads theme 3?|theme 3",
        "pwy sy'n arwain y pecyn croeso|pecyn croeso",
        "pwy sy'n arwain thema 3|thema 3",
        "Who Is Leading On The Webinars?|webinars"})
    void leadOf(String text, String subject) {
        assertThat(question(text)).isEqualTo(new PlanQuestion.LeadOf(List.of(subject.split(" "))));
    }

    @ParameterizedTest(name = "{0} → status of {1}")
    @CsvSource(delimiter = '|', value = {
        "staus of the welcom pack|welcom pack",
        "what happend to the brand guidlines|brand guidlines",
        "what are we doing about wales|wales",
        "how are the podcasts going|podcasts",
        "whats the latest on the staffing structure|staffing structure",
        "beth yw statws y pecyn croeso|pecyn croeso",
        "what is 2.3|2.3"})
    void statusOf(String text, String subject) {
        assertThat(question(text)).isEqualTo(new PlanQuestion.StatusOf(List.of(subject.split(" "))));
    }

    @ParameterizedTest(name = "{0} → led by {1}")
    @CsvSource(delimiter = '|', value = {
        "what does Nicola Huckerby lead?|nicola huckerby",
        "actions led by Claire Ward|claire ward",
        "what is morgan jones leading on|morgan jones",
        "what does Sunderland council lead|sunderland",
        "what is nicola huckerbey leeding|nicola huckerbey",
        "beth mae Nicola yn ei arwain|nicola",
        "what is Claire Ward responsible for|claire ward"})
    void ledBy(String text, String name) {
        assertThat(question(text)).isEqualTo(new PlanQuestion.LedBy(List.of(name.split(" "))));
    }

    @Test
    @DisplayName("Overdue, at risk, blocked, complete, in English and Welsh and misspelt")
    void progress() {
        assertThat(question("what is overdue?")).isEqualTo(new PlanQuestion.Overdue(List.of()));
        assertThat(question("whats late")).isEqualTo(new PlanQuestion.Overdue(List.of()));
        assertThat(question("beth sy'n hwyr")).isEqualTo(new PlanQuestion.Overdue(List.of()));
        assertThat(question("what is overdeu")).isEqualTo(new PlanQuestion.Overdue(List.of()));
        assertThat(question("what is at risk?")).isEqualTo(new PlanQuestion.WithProgress(Set.of(Progress.AT_RISK),
                List.of()));
        assertThat(question("anything blocked")).isEqualTo(new PlanQuestion.WithProgress(Set.of(Progress.BLOCKED),
                List.of()));
        assertThat(question("which actions are compelte")).isEqualTo(new PlanQuestion.WithProgress(
                Set.of(Progress.COMPLETE), List.of()));
        assertThat(question("beth sydd wedi'i gwblhau")).isEqualTo(new PlanQuestion.WithProgress(
                Set.of(Progress.COMPLETE), List.of()));
        assertThat(question("which actions have not started")).isEqualTo(new PlanQuestion.WithProgress(
                Set.of(Progress.NOT_STARTED), List.of()));
        assertThat(question("is the welcome pack done?")).isEqualTo(new PlanQuestion.WithProgress(
                Set.of(Progress.COMPLETE), List.of("welcome", "pack")));
    }

    @Test
    @DisplayName("Periods: seasons from the day after the last one ends, months, this/next month and week, years")
    void periods() {
        assertThat(question("what was due in autumn 2024")).isEqualTo(due(2024, 9, 1, 2024, 11, 30));
        assertThat(question("what's due in the autum of 2024")).isEqualTo(due(2024, 9, 1, 2024, 11, 30));
        assertThat(question("what is due in summer 2024")).isEqualTo(due(2024, 6, 1, 2024, 8, 31));
        assertThat(question("what is due this month")).isEqualTo(due(2024, 7, 1, 2024, 7, 31));
        assertThat(question("what is due next month")).isEqualTo(due(2024, 8, 1, 2024, 8, 31));
        assertThat(question("whats due next week")).isEqualTo(due(2024, 7, 15, 2024, 7, 21));
        assertThat(question("due in november 2024")).isEqualTo(due(2024, 11, 1, 2024, 11, 30));
        assertThat(question("deadlines in february 2024")).isEqualTo(due(2024, 2, 1, 2024, 2, 29));
        assertThat(question("what is due in 2025")).isEqualTo(due(2025, 1, 1, 2025, 12, 31));
        assertThat(question("what's due this year")).isEqualTo(due(2024, 1, 1, 2024, 12, 31));
        assertThat(question("beth sy'n ddyledus yn yr hydref 2024")).isEqualTo(due(2024, 9, 1, 2024, 11, 30));
        assertThat(question("beth sy'n ddyledus ym mis Hydref 2024")).isEqualTo(due(2024, 10, 1, 2024, 10, 31));
        assertThat(question("beth sy'n ddyledus y mis nesaf")).isEqualTo(due(2024, 8, 1, 2024, 8, 31));
        assertThat(question("what is due in winter 2024")).isEqualTo(due(2024, 12, 1, 2025, 2, 28));
        assertThat(question("what's due in the next 3 months")).isEqualTo(due(2024, 7, 10, 2024, 10, 10));
        assertThat(question("what is due soon")).isEqualTo(due(2024, 7, 10, 2024, 10, 10));
        assertThat(question("beth sy'n ddyledus y mis hwn")).isEqualTo(due(2024, 7, 1, 2024, 7, 31));
        assertThat(question("which milestones fall in november 2024")).isEqualTo(due(2024, 11, 1, 2024, 11, 30));
        assertThat(question("what's due in sept 2024")).isEqualTo(due(2024, 9, 1, 2024, 9, 30));
    }

    @Test
    @DisplayName("The strategy's objectives and themes, and what one theme or objective holds")
    void objectivesAndThemes() {
        assertThat(question("what are the objectives of the current strategy"))
                .isEqualTo(new PlanQuestion.Objectives(false));
        assertThat(question("what are the themes")).isEqualTo(new PlanQuestion.Objectives(true));
        assertThat(question("beth yw amcanion y strategaeth")).isEqualTo(new PlanQuestion.Objectives(false));
        assertThat(question("list the strategy's objectives")).isEqualTo(new PlanQuestion.Objectives(false));
        assertThat(question("what is in theme 2")).isEqualTo(new PlanQuestion.InObjective("themes", "2"));
        assertThat(question("objective 1")).isEqualTo(new PlanQuestion.InObjective("objectives", "1"));
        assertThat(question("show me theme three")).isEqualTo(new PlanQuestion.InObjective("themes", "3"));
        assertThat(question("what's in the first objective")).isEqualTo(new PlanQuestion.InObjective("objectives", "1"));
        assertThat(question("beth yw themau'r strategaeth")).isEqualTo(new PlanQuestion.Objectives(true));
        assertThat(question("what are the 3 objectives")).isEqualTo(new PlanQuestion.Objectives(false));
    }

    @Test
    @DisplayName("Codes; and what is not a plan question: filters, case-study words, figures, greetings")
    void codesAndOthers() {
        assertThat(question("1.4")).isEqualTo(new PlanQuestion.ByCode("1.4"));
        assertThat(question("action 2.5")).isEqualTo(new PlanQuestion.ByCode("2.5"));
        assertThat(question("pl2.41")).isEqualTo(new PlanQuestion.ByCode("PL2.41"));
        assertThat(question("how is PL1.7 going?")).isEqualTo(new PlanQuestion.StatusOf(List.of("PL1.7")));
        assertThat(question("who leads 3.6")).isEqualTo(new PlanQuestion.LeadOf(List.of("3.6")));
        assertThat(parse("theme:health region:wales")).isEmpty();
        assertThat(parse("tai yng Nghymru")).isEmpty();
        assertThat(parse("community energy")).isEmpty();
        assertThat(parse("")).isEmpty();
        assertThat(parse("?!")).isEmpty();
        assertThat(UnknownFigures.asksForFigures("how many full council members do we have now")).isTrue();
        assertThat(UnknownFigures.asksForFigures("faint o Labordai Polisi oedd yn 2023?")).isTrue();
        assertThat(UnknownFigures.asksForFigures("how many actions are overdue")).isFalse();
        assertThat(UnknownFigures.asksForFigures("who leads the welcome pack")).isFalse();
    }

    @Test
    @DisplayName("Case-study requests are routed to the library with their words, Welsh put in English")
    void caseStudyRequests() {
        assertThat(CaseStudyRequest.words("housing case studies")).contains("housing");
        assertThat(CaseStudyRequest.words("case studies about community energy")).contains("community energy");
        assertThat(CaseStudyRequest.words("any examples of participatory budgeting?"))
                .contains("participatory budgeting");
        assertThat(CaseStudyRequest.words("astudiaethau achos am dai")).contains("housing");
        assertThat(CaseStudyRequest.words("who leads the welcome pack")).isEmpty();
        assertThat(CaseStudyRequest.inEnglish("tai yng Nghymru")).isEqualTo("housing yng wales");
        assertThat(CaseStudyRequest.inEnglish("Housing in London")).isEqualTo("Housing in London");
        assertThat(CaseStudyRequest.hasTypedFilter("theme:health region:wales")).isTrue();
    }

    private static PlanQuestion.Due due(int y1, int m1, int d1, int y2, int m2, int d2) {
        return new PlanQuestion.Due(new DateRange(LocalDate.of(y1, m1, d1), LocalDate.of(y2, m2, d2)));
    }
}
