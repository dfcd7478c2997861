package org.ccin.bot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccin.bot.knowledge.CaseStudyButton.Facet;
import org.ccin.bot.routing.CallbackData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KnowledgeButtonsTest {
    /** Ids far beyond any the network will reach; the longest topic code of the bundled data, and then some. */
    private static final long ID = 999_999_999_999L;
    private static final String LONG_CODE = "community-wealth-building-x";

    @Test
    @DisplayName("Every plan and library button, at its longest, fits in 64 bytes and reads back as itself")
    void longestButtonsRoundTrip() {
        List<PlanButton> plan = List.of(new PlanButton.ShowPlan("2024-refresh"), new PlanButton.ShowObjective(ID),
                new PlanButton.ShowAction(ID), new PlanButton.History(ID, 999));
        for (PlanButton button : plan) {
            assertThat(PlanButton.SET.read(reparsed(PlanButton.SET.data(button)))).contains(button);
        }
        List<CaseStudyButton> library = List.of(new CaseStudyButton.Page(ID, 999),
                new CaseStudyButton.Open(ID, ID, 999), new CaseStudyButton.ChooseTopic(ID),
                new CaseStudyButton.ChooseRegion(ID), new CaseStudyButton.ChooseKind(ID),
                new CaseStudyButton.SetFilter(ID, Facet.t, LONG_CODE), new CaseStudyButton.Clear(ID));
        for (CaseStudyButton button : library) {
            assertThat(CaseStudyButton.SET.read(reparsed(CaseStudyButton.SET.data(button)))).contains(button);
        }
    }

    @Test
    @DisplayName("Buttons sent before the buttons were typed still read as the same taps; other shapes do not")
    void dataOfTheEarlierVersionStillReads() {
        assertThat(PlanButton.SET.read(parse("plan:hist:12:3"))).contains(new PlanButton.History(12, 3));
        assertThat(PlanButton.SET.read(parse("plan:plan:2021"))).contains(new PlanButton.ShowPlan("2021"));
        assertThat(CaseStudyButton.SET.read(parse("cs:open:7:40:2"))).contains(new CaseStudyButton.Open(7, 40, 2));
        assertThat(CaseStudyButton.SET.read(parse("cs:set:40:r:wales")))
                .contains(new CaseStudyButton.SetFilter(40, Facet.r, "wales"));
        assertThat(CaseStudyButton.SET.read(parse("cs:set:40:k:POLICY_LAB")))
                .contains(new CaseStudyButton.SetFilter(40, Facet.k, "POLICY_LAB"));
        assertThat(CaseStudyButton.SET.read(parse("cs:set:40:x:wales"))).isEmpty();
        assertThat(PlanButton.SET.read(parse("plan:hist:12"))).isEmpty();
    }

    private static CallbackData parse(String raw) {
        return CallbackData.parse(raw).orElseThrow();
    }

    private static CallbackData reparsed(CallbackData data) {
        return parse(data.encode());
    }
}
