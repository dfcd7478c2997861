package org.ccin.store.casestudies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ccin.store.search.FtsQuery;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PassagesTest {
    private static final char S = SearchHit.MARK_START;
    private static final char E = SearchHit.MARK_END;

    private static String best(String typed, Map<String, List<String>> synonyms, String... texts) {
        return Passages.best(FtsQuery.of(typed, synonyms), List.of(texts)).orElse("(none)");
    }

    @Test
    @DisplayName("The searched words are marked where they stand, in any case and with their common endings")
    void marksWordsWithTheirEndings() {
        assertThat(best("growing vegetable", Map.of(), "Residents grow Vegetables on council land."))
                .isEqualTo("Residents " + S + "grow" + E + " " + S + "Vegetables" + E + " on council land.");
        assertThat(best("cooperative", Map.of(), "A cooperation of tenants."))
                .isEqualTo("A " + S + "cooperation" + E + " of tenants.");
        assertThat(best("communities", Map.of(), "Every community had its say.")).contains(S + "community" + E);
        assertThat(best("cafe", Map.of(), "A café run by volunteers.")).contains(S + "café" + E);
    }

    @Test
    @DisplayName("A phrase is marked as one, an expansion counts as its word, and no text holding none gives nothing")
    void phrasesAndExpansions() {
        Map<String, List<String>> synonyms = Map.of("cwb", List.of("community wealth building"));

        assertThat(best("cwb", synonyms, "Oldham's community wealth building strategy."))
                .isEqualTo("Oldham's " + S + "community wealth building" + E + " strategy.");
        assertThat(best("housing", Map.of(), "Nothing about homes here.")).isEqualTo("(none)");
    }

    @Test
    @DisplayName("The passage is the stretch of fourteen words holding the most searched words, cut with an ellipsis")
    void bestStretch() {
        String body = "The council began in 2015 with a small grant and a lot of goodwill from local people who"
                + " wanted change. Years later the tenants formed a housing co-operative that now runs forty homes"
                + " across the town, with a board elected every year.";

        String passage = best("tenants housing", Map.of(), "A short summary.", body);

        assertThat(passage).startsWith("…").endsWith("…").contains(S + "tenants" + E).contains(S + "housing" + E);
        assertThat(passage.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().split(" ")).hasSize(Passages.WORDS);
    }

    @Test
    @DisplayName("On a tie the first text wins: the summary before the body")
    void summaryFirst() {
        assertThat(best("energy", Map.of(), "Community energy in Oldham.", "Energy for all."))
                .contains("Oldham");
    }
}
