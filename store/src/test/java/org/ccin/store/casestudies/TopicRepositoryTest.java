package org.ccin.store.casestudies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.UpsertOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicRepositoryTest {
    private static final Topic HOUSING = new Topic("housing", "Housing", "Tai", List.of("homes", "tenancy"), 2);

    @TempDir
    Path dir;

    private Store store;
    private TopicRepository topics;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        topics = store.topics();
    }

    private UpsertOutcome upsert(Topic topic) {
        return store.database().jdbi().inTransaction(h -> TopicRepository.upsert(h, topic));
    }

    @Test
    @DisplayName("No topics before an import; an unknown code finds nothing")
    void empty() {
        assertThat(topics.all()).isEmpty();
        assertThat(topics.find("housing")).isEmpty();
    }

    @Test
    @DisplayName("A topic keeps both names and its words in order")
    void roundTrip() {
        assertThat(upsert(HOUSING)).isEqualTo(UpsertOutcome.ADDED);

        assertThat(topics.find("housing")).contains(HOUSING);
        assertThat(topics.find("housing").orElseThrow().name("cy")).isEqualTo("Tai");
    }

    @Test
    @DisplayName("Importing a topic again is unchanged; a changed name or word list updates it in place")
    void upsertAgain() {
        upsert(HOUSING);

        assertThat(upsert(HOUSING)).isEqualTo(UpsertOutcome.UNCHANGED);
        Topic changed = new Topic("housing", "Housing and homes", "Tai", List.of("homes"), 2);
        assertThat(upsert(changed)).isEqualTo(UpsertOutcome.UPDATED);

        assertThat(topics.all()).containsExactly(changed);
    }

    @Test
    @DisplayName("A topic without words has an empty word list")
    void noWords() {
        Topic climate = new Topic("climate", "Climate", "Hinsawdd", List.of(), 1);
        upsert(climate);

        assertThat(topics.find("climate")).contains(climate);
    }

    @Test
    @DisplayName("Topics come in their sort order, then by code")
    void order() {
        upsert(HOUSING);
        upsert(new Topic("energy", "Energy", "Ynni", List.of(), 1));
        upsert(new Topic("climate", "Climate", "Hinsawdd", List.of(), 2));

        assertThat(topics.all()).extracting(Topic::code).containsExactly("energy", "climate", "housing");
    }
}
