package org.ccin.bot.measures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.ccin.store.measures.Measure;
import org.ccin.store.measures.MeasureUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MeasureQuestionTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    /** The names of the strategy's measures (data/measures.csv), without their figures. */
    private static final List<Measure> MEASURES = List.of(
            measure("full-council-members", "Full Council Members", "Aelodau Cyngor Llawn"),
            measure("associate-members", "Associate Members", "Aelodau Cyswllt"),
            measure("town-and-parish-councils", "Town and Parish Councils", "Cynghorau Tref a Chymuned"),
            measure("affiliate-members", "Affiliate Members", "Aelodau Cysylltiedig"),
            measure("supporters", "Supporters", "Cefnogwyr"),
            measure("case-studies", "Case studies", "Astudiaethau achos"),
            measure("cooperative-councils-full-members", "Full Council Members", "Aelodau Cyngor Llawn"),
            measure("policy-labs", "Number of Policy Labs", "Nifer y Labordai Polisi"),
            measure("policy-lab-councils", "Councils participating in Policy Labs",
                    "Cynghorau sy'n cymryd rhan mewn Labordai Polisi"),
            measure("policy-lab-participation", "Percentage participation in Policy Labs",
                    "Canran sy'n cymryd rhan mewn Labordai Polisi"),
            measure("policy-prototypes", "Number of Policy Prototypes", "Nifer y Prototeipiau Polisi"),
            measure("policy-prototype-councils", "Councils participating in Policy Prototypes",
                    "Cynghorau sy'n cymryd rhan mewn Prototeipiau Polisi"),
            measure("policy-prototype-participation", "Percentage participation in Policy Prototypes",
                    "Canran sy'n cymryd rhan mewn Prototeipiau Polisi"),
            measure("meetings-and-events", "Meetings and events", "Cyfarfodydd a digwyddiadau"));

    @ParameterizedTest(name = "\"{0}\" asks for {1}")
    @DisplayName("A question naming a measure is about that measure (typos, Welsh and mutations included)")
    @CsvSource(delimiter = '|', value = {
            "how many full council members do we have now|full-council-members cooperative-councils-full-members",
            "How many Policy Labs were there in 2023?|policy-labs",
            "how many polcy labz were there in 2023|policy-labs",
            "how mnay full councl memebrs do we have|full-council-members cooperative-councils-full-members",
            "how is participation going|policy-lab-participation policy-prototype-participation",
            "how is particpation going?|policy-lab-participation policy-prototype-participation",
            "how many councils take part in policy labs|policy-lab-councils",
            "number of policy prototypes|policy-prototypes",
            "how many supporters|supporters",
            "how many suporters has the network got|supporters",
            "how many meetings and events were there last year|meetings-and-events",
            "how many case studies are there|case-studies",
            "what is the target for affiliate members|affiliate-members",
            "how many town and parish councils|town-and-parish-councils",
            "faint o aelodau llawn sydd gennym|full-council-members cooperative-councils-full-members",
            "faint o Labordai Polisi oedd yn 2023?|policy-labs",
            "faint o gynghorau sy'n cymryd rhan mewn labordai polisi|policy-lab-councils",
            "faint o gefnogwyr sydd gan y rhwydwaith|supporters",
            "how many members do we have|full-council-members associate-members affiliate-members "
                    + "cooperative-councils-full-members",
            "faint o aelodau|full-council-members associate-members affiliate-members "
                    + "cooperative-councils-full-members"})
    void recognisesMeasures(String text, String codes) {
        Optional<MeasureQuestion> question = MeasureQuestion.parse(text, MEASURES, TODAY);

        assertThat(question).isPresent();
        assertThat(question.get().measures()).extracting(Measure::code)
                .containsExactlyInAnyOrder(codes.split(" "));
    }

    @ParameterizedTest(name = "\"{0}\" asks about {1}")
    @DisplayName("The year asked about: a year written out, last year, this year; none means the latest figure")
    @CsvSource(delimiter = '|', value = {
            "How many Policy Labs were there in 2023?|2023",
            "how many policy labs last year|2025",
            "faint o labordai polisi llynedd|2025",
            "how many policy labs this year|2026",
            "how many policy labs now|0"})
    void yearAsked(String text, int year) {
        MeasureQuestion question = MeasureQuestion.parse(text, MEASURES, TODAY).orElseThrow();

        assertThat(question.year()).isEqualTo(year == 0 ? Optional.empty() : Optional.of(year));
    }

    @ParameterizedTest(name = "\"{0}\" asks for every measure")
    @DisplayName("Asking for the targets or the measures without naming one means every measure")
    @ValueSource(strings = {"what are the targets", "what are the targts?", "show me the measures", "show me the figures",
            "beth yw'r targedau", "what are the strategy's measures of success", "mesurau"})
    void everyMeasure(String text) {
        MeasureQuestion question = MeasureQuestion.parse(text, MEASURES, TODAY).orElseThrow();

        assertThat(question.everyMeasure()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" asks for {1}")
    @DisplayName("A target word asks for targets; how many asks for figures even when a target is mentioned")
    @CsvSource(delimiter = '|', value = {
            "what is the target for policy labs|TARGETS",
            "targets for full council members|TARGETS",
            "how many policy labs against the target|FIGURES",
            "how many supporters|FIGURES"})
    void askedFor(String text, MeasureQuestion.Ask ask) {
        assertThat(MeasureQuestion.parse(text, MEASURES, TODAY).orElseThrow().ask()).isEqualTo(ask);
    }

    @ParameterizedTest(name = "\"{0}\" is not a measure question")
    @DisplayName("Questions about the plan or the library are left to them")
    @ValueSource(strings = {"how many actions are overdue?", "who leads the welcome pack?", "policy labs",
            "case studies about housing", "how many case studies are there about housing",
            "how many policy labs did Oldham lead", "how many?", "what is due in autumn 2024",
            "status of 1.4", "tai yng Nghymru", "how is the welcome pack going", "full council members",
            "what's the target date for the brand guidelines", "what are the aims of the network",
            "what are the objectives of the current strategy", "how are we doing on 1.4", "how's it going",
            "what is the percentage of budget spent on policy labs", "how many members are in the housing group"})
    void notAMeasureQuestion(String text) {
        assertThat(MeasureQuestion.parse(text, MEASURES, TODAY)).isEmpty();
    }

    private static Measure measure(String code, String nameEn, String nameCy) {
        return new Measure(code, nameEn, nameCy, MeasureUnit.COUNT, Optional.empty(), Optional.empty(), "", "",
                List.of(), List.of());
    }
}
