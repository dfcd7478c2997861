package org.ccin.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.casestudies.Topic;
import org.ccin.store.casestudies.TopicRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymRepositoryTest {
    @TempDir
    Path dir;

    private Store store;
    private SynonymRepository synonyms;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        synonyms = store.synonyms();
    }

    private void topic(String code, String name, List<String> words) {
        store.database().jdbi().useTransaction(h -> TopicRepository.upsert(h, new Topic(code, name, name, words, 1)));
    }

    @Test
    @DisplayName("With no synonyms and no topics there is nothing to expand")
    void empty() {
        assertThat(synonyms.all()).isEmpty();
        assertThat(synonyms.expansions()).isEmpty();
    }

    @Test
    @DisplayName("A synonym is added once; the same again is unchanged; a new expansion updates it; all come by term")
    void put() {
        assertThat(synonyms.put("PB", "participatory budgeting", Optional.of(7L))).isEqualTo(UpsertOutcome.ADDED);
        assertThat(synonyms.put("CWB", "community wealth building", Optional.empty())).isEqualTo(UpsertOutcome.ADDED);
        assertThat(synonyms.put("PB", "participatory budgeting", Optional.of(8L))).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(synonyms.put("PB", "people's budget", Optional.of(8L))).isEqualTo(UpsertOutcome.UPDATED);

        assertThat(synonyms.all()).containsExactly(
                new Synonym("CWB", "community wealth building", Optional.empty()),
                new Synonym("PB", "people's budget", Optional.of(8L)));
    }

    @Test
    @DisplayName("A term is one term whatever its case: changing \"cwb\" replaces \"CWB\", and removing ignores case")
    void caseIgnored() {
        synonyms.put("CWB", "community wealth building", Optional.empty());

        assertThat(synonyms.put("cwb", "community wealth-building", Optional.empty())).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(synonyms.all()).containsExactly(new Synonym("cwb", "community wealth-building", Optional.empty()));

        assertThat(synonyms.remove("CwB")).isTrue();
        assertThat(synonyms.all()).isEmpty();
    }

    @Test
    @DisplayName("Removing a term that is not there is refused and removes nothing")
    void removeUnknown() {
        synonyms.put("CWB", "community wealth building", Optional.empty());

        assertThat(synonyms.remove("PB")).isFalse();
        assertThat(synonyms.all()).hasSize(1);
    }

    @Test
    @DisplayName("Expansions go both ways, in normalised words: lower case, accents and punctuation gone")
    void expansionsBothWays() {
        synonyms.put("CWB", "Community Wealth-Building", Optional.empty());
        synonyms.put("Café", "coffee shop", Optional.empty());

        assertThat(synonyms.expansions()).isEqualTo(Map.of(
                "cwb", List.of("community wealth building"),
                "community wealth building", List.of("cwb"),
                "cafe", List.of("coffee shop"),
                "coffee shop", List.of("cafe")));
    }

    @Test
    @DisplayName("A topic's words lead to the topic's name; a word shared by two topics leads to both, once each")
    void topicWords() {
        topic("housing", "Housing", List.of("homes", "tenancy"));
        topic("energy", "Energy", List.of("Homes", "retrofit"));
        synonyms.put("homes", "housing", Optional.empty());

        Map<String, List<String>> expansions = synonyms.expansions();

        assertThat(expansions.get("homes")).containsExactlyInAnyOrder("housing", "energy");
        // expansions are closed over each other (coop → co-op → co-operative), so a topic word reaches its topic
        // first and, through a shared word, the other topic too
        assertThat(expansions.get("tenancy")).startsWith("housing").doesNotHaveDuplicates();
        assertThat(expansions.get("retrofit")).startsWith("energy").doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("A synonym that normalises to itself, or to nothing, expands to nothing")
    void selfAndEmpty() {
        synonyms.put("Co-op", "co op", Optional.empty());
        synonyms.put("!!!", "exclamation", Optional.empty());

        assertThat(synonyms.expansions()).isEmpty();
    }

    @Test
    @DisplayName("The expansions are built once and rebuilt after any change to synonyms or topics, even one made in SQL")
    void expansionsFollowEveryChange() {
        synonyms.put("PB", "participatory budgeting", Optional.empty());
        Map<String, List<String>> first = synonyms.expansions();
        assertThat(synonyms.expansions()).isSameAs(first);

        topic("food", "Food", List.of("food banks"));
        assertThat(synonyms.expansions()).containsEntry("food banks", List.of("food"));

        store.database().jdbi().useHandle(h -> h.execute("UPDATE topics SET synonyms = 'pantries' WHERE code = 'food'"));
        assertThat(synonyms.expansions()).containsEntry("pantries", List.of("food")).doesNotContainKey("food banks");

        store.database().jdbi().useHandle(h -> h.execute("DELETE FROM synonyms"));
        assertThat(synonyms.expansions()).doesNotContainKey("pb");
    }
}
