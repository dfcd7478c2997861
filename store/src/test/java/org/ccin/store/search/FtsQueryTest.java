package org.ccin.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FtsQueryTest {
    private static final Map<String, List<String>> SYNONYMS = Map.of(
            "cwb", List.of("community wealth building"),
            "community wealth building", List.of("cwb"));

    @Test
    @DisplayName("Words become quoted strings joined by AND; stop words are dropped")
    void plainWords() {
        FtsQuery query = FtsQuery.of("What is happening on podcasts?", Map.of());

        assertThat(query.all()).contains("\"podcasts\"");
        assertThat(FtsQuery.of("housing in London", Map.of()).all()).contains("\"housing\" AND \"london\"");
    }

    @Test
    @DisplayName("Acronyms expand to their phrase and phrases to their acronym")
    void synonyms() {
        assertThat(FtsQuery.of("CWB housing", SYNONYMS).all())
                .contains("(\"cwb\" OR \"community wealth building\") AND \"housing\"");
        assertThat(FtsQuery.of("community wealth building", SYNONYMS).all())
                .contains("(\"community wealth building\" OR \"cwb\")");
    }

    @Test
    @DisplayName("FTS5 syntax typed by a person never survives as syntax")
    void hostileInput() {
        for (String hostile : List.of("\"unclosed", "hous*", "^start", "a NEAR b", "x AND y OR NOT z", "(nested (",
                "title:housing", "body: ' OR 1=1 --", "💥🔥 housing", "סיוע לדיור", "x".repeat(4000))) {
            String match = FtsQuery.of(hostile, SYNONYMS).any().orElse("");
            assertThat(match).as(hostile).doesNotContain("*").doesNotContain("^").doesNotContain(":")
                    .doesNotContain("(nested").doesNotContain("'");
            assertThat(match.replaceAll("\"[^\"]*\"", "").replace("AND", "").replace("OR", "")
                    .replace("(", "").replace(")", "").trim()).as(hostile).isEmpty();
        }
        assertThat(FtsQuery.of("a NEAR b", Map.of()).all()).contains("\"b\"");
        assertThat(FtsQuery.of("?!* ()", Map.of()).isEmpty()).isTrue();
    }

    @Test
    @DisplayName("The searched words are available for spelling correction")
    void words() {
        assertThat(FtsQuery.of("What about comunity welth?", Map.of()).words()).containsExactly("comunity", "welth");
    }

    @Test
    @DisplayName("Words that say nothing of the subject are not searched: they are in nearly every study")
    void functionWords() {
        assertThat(FtsQuery.of("youth services run as a co-op", Map.of()).words())
                .containsExactly("youth", "services", "run", "co", "op");
        assertThat(FtsQuery.of("care workers owning the company they work for", Map.of()).words())
                .containsExactly("care", "workers", "owning", "company", "work");
    }
}
