package org.ccin.store.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.UpsertOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceDataRepositoryTest {
    private static final MembershipCategory FULL = new MembershipCategory("full", "Full Member", "Aelod Llawn",
            "Councils", "Cynghorau", 2);
    private static final Region WALES = new Region("wales", "Wales", "Cymru", Region.Kind.NATION, 2);

    @TempDir
    Path dir;

    private Store store;
    private ReferenceDataRepository reference;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, new ManualClock(TestStores.START));
        reference = store.referenceData();
    }

    private UpsertOutcome upsert(MembershipCategory category) {
        return store.database().jdbi().inTransaction(h -> ReferenceDataRepository.upsert(h, category));
    }

    private UpsertOutcome upsert(Region region) {
        return store.database().jdbi().inTransaction(h -> ReferenceDataRepository.upsert(h, region));
    }

    @Test
    @DisplayName("Before an import there are no categories or regions; unknown codes find nothing")
    void empty() {
        assertThat(reference.categories()).isEmpty();
        assertThat(reference.regions()).isEmpty();
        assertThat(reference.category("full")).isEmpty();
        assertThat(reference.region("wales")).isEmpty();
    }

    @Test
    @DisplayName("A category keeps both names and descriptions; a region keeps both names and whether it is a nation")
    void roundTrip() {
        assertThat(upsert(FULL)).isEqualTo(UpsertOutcome.ADDED);
        assertThat(upsert(WALES)).isEqualTo(UpsertOutcome.ADDED);

        assertThat(reference.category("full")).contains(FULL);
        assertThat(reference.region("wales")).contains(WALES);
        assertThat(reference.category("full").orElseThrow().name("cy")).isEqualTo("Aelod Llawn");
        assertThat(reference.region("wales").orElseThrow().name("en")).isEqualTo("Wales");
    }

    @Test
    @DisplayName("Importing the same entry is unchanged; a changed entry is updated in place")
    void upsertAgain() {
        upsert(FULL);
        upsert(WALES);

        assertThat(upsert(FULL)).isEqualTo(UpsertOutcome.UNCHANGED);
        assertThat(upsert(WALES)).isEqualTo(UpsertOutcome.UNCHANGED);
        MembershipCategory renamed = new MembershipCategory("full", "Full Member", "Aelod Llawn", "Councils", "Cynghorau", 5);
        Region region = new Region("wales", "Wales", "Cymru", Region.Kind.REGION, 2);
        assertThat(upsert(renamed)).isEqualTo(UpsertOutcome.UPDATED);
        assertThat(upsert(region)).isEqualTo(UpsertOutcome.UPDATED);

        assertThat(reference.categories()).containsExactly(renamed);
        assertThat(reference.regions()).containsExactly(region);
    }

    @Test
    @DisplayName("Categories and regions come in their sort order, then by code")
    void order() {
        upsert(FULL);
        upsert(new MembershipCategory("associate", "Associate", "Cyswllt", "", "", 1));
        upsert(new MembershipCategory("affiliate", "Affiliate", "Cysylltiedig", "", "", 2));
        upsert(WALES);
        upsert(new Region("london", "London", "Llundain", Region.Kind.REGION, 1));
        upsert(new Region("scotland", "Scotland", "Yr Alban", Region.Kind.NATION, 2));

        assertThat(reference.categories()).extracting(MembershipCategory::code)
                .containsExactly("associate", "affiliate", "full");
        assertThat(reference.regions()).extracting(Region::code).containsExactly("london", "scotland", "wales");
    }
}
