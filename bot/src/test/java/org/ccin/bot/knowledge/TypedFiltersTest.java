package org.ccin.bot.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.Topic;
import org.ccin.store.reference.Region;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TypedFiltersTest {
    private static final List<Topic> TOPICS = List.of(
            new Topic("housing", "Housing", "Tai", List.of("homes"), 1),
            new Topic("health-and-social-care", "Health and social care", "Iechyd a gofal cymdeithasol", List.of(), 2));
    private static final List<Region> REGIONS = List.of(
            new Region("wales", "Wales", "Cymru", Region.Kind.NATION, 1),
            new Region("scotland", "Scotland", "Yr Alban", Region.Kind.NATION, 2),
            new Region("london", "London", "Llundain", Region.Kind.REGION, 3));

    private static TypedFilters.Parsed parse(String text) {
        return TypedFilters.parse(text, TOPICS, REGIONS);
    }

    @Test
    @DisplayName("theme:health region:wales sets both filters and leaves no words")
    void keyValues() {
        TypedFilters.Parsed parsed = parse("theme:health region:wales");

        assertThat(parsed.words()).isBlank();
        assertThat(parsed.filters().topic()).contains("health-and-social-care");
        assertThat(parsed.filters().region()).contains("wales");
        assertThat(parsed.unknown()).isEmpty();
        assertThat(parse("type:lab").filters().kind()).contains(CaseStudyKind.POLICY_LAB);
    }

    @Test
    @DisplayName("An unknown filter is reported and its value kept as words to search")
    void unknownFilterIsSearched() {
        TypedFilters.Parsed parsed = parse("theme:energy");

        assertThat(parsed.unknown()).containsExactly("“theme:energy”");
        assertThat(parsed.words()).isEqualTo("energy");
        assertThat(parsed.filters().isEmpty()).isTrue();
        assertThat(parse("council region:atlantis").words()).isEqualTo("council atlantis");
    }

    @Test
    @DisplayName("A place in Welsh, mutated after yng / ym / yn, is the region: yng Nghymru, yn yr Alban")
    void welshPlaces() {
        TypedFilters.Parsed wales = parse("tai yng Nghymru");
        assertThat(wales.filters().region()).contains("wales");
        assertThat(wales.words()).isEqualTo("tai");

        assertThat(parse("ynni yn yr Alban").filters().region()).contains("scotland");
        assertThat(parse("housing in Wales").filters().region()).contains("wales");
        assertThat(parse("bwyd yn Llundain").filters().region()).contains("london");
        assertThat(parse("rhanbarth:Gymru").filters().region()).contains("wales");
    }

    @Test
    @DisplayName("A place that is not a region stays a word (Caerdydd is searched as Cardiff)")
    void cityStaysAWord() {
        TypedFilters.Parsed parsed = parse("youth in Caerdydd");

        assertThat(parsed.filters().region()).isEmpty();
        assertThat(parsed.words()).isEqualTo("youth in Caerdydd");
    }
}
