package org.ccin.bot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.Objective;
import org.ccin.store.plan.Plan;
import org.ccin.store.plan.Progress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Finding what a question is about among the plan's own words, with typos, word forms and Welsh. */
class PlanLookupTest {
    private static final Plan CURRENT = new Plan("now", "Strategy", "Strategaeth", "2024", true, Plan.OBJECTIVES);
    private static final Plan OLD = new Plan("old", "Strategy Day", "Diwrnod", "2021", false, Plan.THEMES);
    private static final Objective NETWORK = new Objective(1, "now", "1", "A cooperative network", "", List.of(),
            List.of());
    private static final Objective POLICY = new Objective(3, "now", "3", "Develop cooperative policies", "", List.of(),
            List.of());
    private static final Objective TRAINING = new Objective(13, "old", "3", "Training and support for Values",
            "", List.of(), List.of("Cllr Paul Stewart (Sunderland)"));
    private static final Objective LOBBYING = new Objective(14, "old", "4", "National influence and lobbying", "",
            List.of(), List.of());

    private static final PlanLookup LOOKUP = new PlanLookup(List.of(CURRENT, OLD),
            List.of(NETWORK, POLICY, TRAINING, LOBBYING), List.of(
            action(14, "now", "1.4", 1, "Explore technology-based solutions (including WhatsApp); automate sign-up to "
                    + "sector/thematic WhatsApp groups.", List.of("Morgan Jones", "Simon Grove-White"),
                    List.of("WhatsApp", "WhatsApp groups", "rules of engagement")),
            action(111, "now", "1.11", 1, "Podcasts – monthly, about what being a member means.",
                    List.of("NH", "Andrew Laird"), List.of("podcasts")),
            action(116, "now", "1.16", 1, "Develop a Welcome Pack for new members of the Network.",
                    List.of("Nicola Huckerby"), List.of("welcome pack", "new members")),
            action(23, "now", "2.3", 1, "Include a 'Being a Coop Council' training session in the Welcome Pack for "
                    + "members to deliver themselves locally.", List.of("Nicola Huckerby"),
                    List.of("being a coop council", "training session", "welcome pack")),
            action(34, "now", "3.4", 3, "Publish a revised brand guideline and cooperative identity toolkit.",
                    List.of("Nicola Huckerby"), List.of("brand", "brand guideline", "identity toolkit")),
            action(1011, "old", "1.1", 13, "More effective sharing of best practice: smaller designated WhatsApp "
                    + "groups (e.g. health and care).", List.of(), List.of("best practice", "WhatsApp")),
            action(1031, "old", "3.1", 13, "Training for the wider membership of councillors.",
                    List.of("Cllr Paul Stewart (Sunderland)"), List.of("training"))));

    private static Action action(long id, String plan, String code, long objective, String text, List<String> leads,
                                 List<String> keywords) {
        return new Action(id, plan, code, objective, code.substring(0, 1), text, Progress.ON_TRACK, leads, List.of(),
                List.of(), keywords, Optional.empty());
    }

    private static List<String> codes(String words) {
        return LOOKUP.actions(List.of(words.split(" "))).stream().map(m -> m.action().code()).toList();
    }

    @Test
    @DisplayName("Typos and word forms find the action the plan words that way, the one about it first")
    void typosAndWordForms() {
        assertThat(codes("welcom pack")).first().isEqualTo("1.16");
        assertThat(codes("welcome packs")).first().isEqualTo("1.16");
        assertThat(codes("brand guidlines")).first().isEqualTo("3.4");
        assertThat(codes("whatsapp groups")).first().isEqualTo("1.4");
        assertThat(codes("whatsap group")).first().isEqualTo("1.4");
        assertThat(codes("podcast")).containsExactly("1.11");
        assertThat(codes("astrophysics")).isEmpty();
        assertThat(codes("pecyn croeso")).first().isEqualTo("1.16");
    }

    @Test
    @DisplayName("The plan's own words name the answer: the keyword that matched, as the text writes it")
    void names() {
        PlanLookup.ActionMatch match = LOOKUP.actions(List.of("welcom", "pack")).get(0);
        assertThat(PlanAnswers.title(match.action(), match.phrase())).isEqualTo("Welcome Pack");
        PlanLookup.ActionMatch brand = LOOKUP.actions(List.of("brand", "guidlines")).get(0);
        assertThat(PlanAnswers.title(brand.action(), brand.phrase())).isEqualTo("brand guideline");
    }

    @Test
    @DisplayName("Words only the plan has are distinctive; words many actions share are not")
    void distinctive() {
        assertThat(LOOKUP.isDistinctive(List.of("welcom", "pack"))).isTrue();
        assertThat(LOOKUP.isDistinctive(List.of("brand", "guidlines"))).isTrue();
        assertThat(LOOKUP.isDistinctive(List.of("housing"))).isFalse();
        assertThat(LOOKUP.isDistinctive(List.of("whatsapp"))).isTrue();
        assertThat(LOOKUP.isDistinctive(List.of())).isFalse();
    }

    @Test
    @DisplayName("Lead names match by any of their words, with typos, councils in brackets and initials")
    void leads() {
        assertThat(LOOKUP.leads(List.of("nicola", "huckerbey"))).containsExactlyInAnyOrder("Nicola Huckerby", "NH");
        assertThat(LOOKUP.leads(List.of("morgan"))).containsExactly("Morgan Jones");
        assertThat(LOOKUP.leads(List.of("sunderland"))).containsExactly("Cllr Paul Stewart (Sunderland)");
        assertThat(LOOKUP.leads(List.of("oldham"))).isEmpty();
        assertThat(LOOKUP.objectivesLedBy(List.of("Cllr Paul Stewart (Sunderland)"))).containsExactly(TRAINING);
        assertThat(LOOKUP.ledBy(List.of("Nicola Huckerby"))).extracting(Action::code)
                .containsExactly("1.16", "2.3", "3.4");
    }

    @Test
    @DisplayName("'Theme 3' is the plan with themes; 'objective 3' the current strategy; titles by their words")
    void themesAndObjectives() {
        assertThat(LOOKUP.objective("themes", "3")).contains(TRAINING);
        assertThat(LOOKUP.objective("objectives", "3")).contains(POLICY);
        assertThat(LOOKUP.objective("", "3")).contains(POLICY);
        assertThat(LOOKUP.objective("themes", "9")).isEmpty();
        assertThat(LOOKUP.objectiveTitled(List.of("lobbying", "theme"), "themes")).contains(LOBBYING);
        assertThat(LOOKUP.objectiveTitled(List.of("lobbying"), "")).isEmpty();
        assertThat(LOOKUP.objectiveTitled(List.of("national", "influence"), "")).contains(LOBBYING);
    }
}
