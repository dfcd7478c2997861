package org.ccin.store.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.UpsertOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrganisationRepositoryTest {
    @TempDir
    Path dir;

    private Store store;
    private OrganisationRepository organisations;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        organisations = store.organisations();
        store.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO membership_categories (code, name_en, name_cy, sort_order) VALUES ('full', 'Full', 'Llawn', 1), ('associate', 'Associate', 'Cyswllt', 2)");
            h.execute("INSERT INTO regions (code, name_en, name_cy, kind, sort_order) VALUES ('london', 'London', 'Llundain', 'region', 1), ('wales', 'Wales', 'Cymru', 'nation', 2)");
        });
    }

    private UpsertOutcome upsert(OrganisationData data) {
        return store.database().jdbi().inTransaction(h -> organisations.upsert(h, data));
    }

    private void add(String... names) {
        for (String name : names) {
            upsert(new OrganisationData(name, Optional.of("full"), Optional.empty(), true));
        }
    }

    private List<String> search(String typed, int limit) {
        return organisations.search(typed, limit).stream().map(Organisation::name).toList();
    }

    @Test
    @DisplayName("An empty list has nothing to find, count or show")
    void empty() {
        assertThat(organisations.count()).isZero();
        assertThat(organisations.all()).isEmpty();
        assertThat(organisations.findById(1)).isEmpty();
        assertThat(organisations.findByName("Oldham Council")).isEmpty();
        assertThat(organisations.search("oldham", 5)).isEmpty();
    }

    @Test
    @DisplayName("An imported organisation keeps its category, region and membership, found by id or by its name")
    void roundTrip() {
        assertThat(upsert(new OrganisationData("Cardiff Council", Optional.of("full"), Optional.of("wales"), true)))
                .isEqualTo(UpsertOutcome.ADDED);

        Organisation cardiff = organisations.findByName("Cardiff Council").orElseThrow();
        assertThat(cardiff).isEqualTo(new Organisation(cardiff.id(), "Cardiff Council", Optional.of("full"),
                Optional.of("wales"), true));
        assertThat(organisations.findById(cardiff.id())).contains(cardiff);
        assertThat(organisations.count()).isEqualTo(1);
    }

    @Test
    @DisplayName("A name is found whatever its case, accents, punctuation and spacing, and \"&\" reads as \"and\"")
    void nameKey() {
        add("Royal Borough of Kensington and Chelsea", "Ynys Môn Council");

        assertThat(organisations.findByName("royal borough of kensington & chelsea")).isPresent();
        assertThat(organisations.findByName("  Royal  Borough of Kensington, and Chelsea. ")).isPresent();
        assertThat(organisations.findByName("ynys mon council")).isPresent();
        assertThat(organisations.findByName("Kensington and Chelsea")).isEmpty();
    }

    @Test
    @DisplayName("Importing the same organisation again is unchanged; a new spelling or setting updates it in place")
    void upsertAgain() {
        upsert(new OrganisationData("Oldham Council", Optional.of("full"), Optional.empty(), true));
        long id = organisations.findByName("Oldham Council").orElseThrow().id();

        assertThat(upsert(new OrganisationData("Oldham Council", Optional.of("full"), Optional.empty(), true)))
                .isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(upsert(new OrganisationData("OLDHAM COUNCIL", Optional.of("associate"), Optional.of("london"), false)))
                .isEqualTo(UpsertOutcome.UPDATED);

        assertThat(organisations.all()).containsExactly(new Organisation(id, "OLDHAM COUNCIL", Optional.of("associate"),
                Optional.of("london"), false));
    }

    @Test
    @DisplayName("Staff mark an organisation in or out of the network; marking one that does not exist is refused")
    void networkMember() {
        add("Oldham Council");
        long id = organisations.findByName("Oldham Council").orElseThrow().id();

        assertThat(organisations.setNetworkMember(id, false)).isTrue();
        assertThat(organisations.findById(id).orElseThrow().networkMember()).isFalse();
        assertThat(organisations.setNetworkMember(id, true)).isTrue();
        assertThat(organisations.findById(id).orElseThrow().networkMember()).isTrue();
        assertThat(organisations.setNetworkMember(id + 1, true)).isFalse();
    }

    @Test
    @DisplayName("All organisations come in the order of their names, ignoring case")
    void allOrder() {
        add("sunderland City Council", "Oldham Council", "Bristol City Council");

        assertThat(organisations.all()).extracting(Organisation::name)
                .containsExactly("Bristol City Council", "Oldham Council", "sunderland City Council");
    }

    @Test
    @DisplayName("Typed words must each start a word of the name: \"old\" finds Oldham, \"ham\" does not")
    void wordStarts() {
        add("Oldham Council", "Durham County Council");

        assertThat(search("old", 5)).containsExactly("Oldham Council");
        assertThat(search("ham", 5)).isEmpty();
        assertThat(search("coun durh", 5)).containsExactly("Durham County Council");
    }

    @Test
    @DisplayName("The exact name comes first, then names starting with what was typed, then the shortest")
    void ranking() {
        add("Bristol City Council", "City of Bristol College", "Bristol", "Bristol and Avon Partnership");

        assertThat(search("bristol", 10)).containsExactly("Bristol", "Bristol City Council",
                "Bristol and Avon Partnership", "City of Bristol College");
        assertThat(search("bristol", 2)).containsExactly("Bristol", "Bristol City Council");
    }

    @Test
    @DisplayName("When no name has every word, the distinctive words are tried alone; when every word is distinctive, nothing is")
    void distinctiveFallback() {
        add("Oldham Council", "Sunderland City Council");

        assertThat(search("Oldham Metropolitan Borough Council", 5)).containsExactly("Oldham Council");
        assertThat(search("Oldham Sunderland", 5)).isEmpty();
        assertThat(search("Borough of Nowhere", 5)).isEmpty();
        assertThat(search("city council", 5)).containsExactly("Sunderland City Council");
    }

    @Test
    @DisplayName("Nothing typed, or only punctuation and LIKE wildcards, finds nothing")
    void nothingTyped() {
        add("Oldham Council");

        assertThat(search("", 5)).isEmpty();
        assertThat(search("  ", 5)).isEmpty();
        assertThat(search("%", 5)).isEmpty();
        assertThat(search("_", 5)).isEmpty();
    }
}
