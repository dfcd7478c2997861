package org.ccin.store.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final Instant GRACE = START.plus(Duration.ofDays(14));
    private static final Optional<Long> NETWORK = Optional.empty();

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private RulesRepository rules;
    private long housing;
    private long climate;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        rules = store.groups().rules();
        housing = store.groups().catalogue().create("housing", -1001, "Housing").id();
        climate = store.groups().catalogue().create("climate", -1002, "Climate").id();
    }

    private String importText(Optional<Long> group, String en, String cy) {
        return store.database().jdbi().inTransaction(h -> RulesRepository.importText(h, group, en, cy, clock.instant()));
    }

    private static List<Long> ids(List<RulesVersion> versions) {
        return versions.stream().map(RulesVersion::id).toList();
    }

    @Test
    @DisplayName("Before any rules are published there are none to accept, and nobody has accepted the current ones")
    void noRules() {
        assertThat(rules.currentNetwork()).isEmpty();
        assertThat(rules.currentAdditions(housing)).isEmpty();
        assertThat(rules.currentFor(housing)).isEmpty();
        assertThat(rules.latestDraft(NETWORK)).isEmpty();
        assertThat(rules.hasAcceptedCurrent(42, housing)).isFalse();
        assertThat(rules.find(1)).isEmpty();
    }

    @Test
    @DisplayName("A published version has both texts, its number, when it was published and its grace period")
    void publish() {
        RulesVersion v1 = rules.publish(NETWORK, "Be kind", "Byddwch yn garedig", 7, GRACE);

        assertThat(v1).isEqualTo(new RulesVersion(v1.id(), Optional.empty(), 1, "Be kind", "Byddwch yn garedig", true,
                Optional.of(START), Optional.of(GRACE)));
        assertThat(v1.text("cy")).isEqualTo("Byddwch yn garedig");
        assertThat(rules.currentNetwork()).contains(v1);
        assertThat(rules.find(v1.id())).contains(v1);
    }

    @Test
    @DisplayName("Versions are numbered per scope: the network's and each group's additions count on their own")
    void numberingPerScope() {
        rules.publish(NETWORK, "v1", "v1", 7, GRACE);
        RulesVersion network2 = rules.publish(NETWORK, "v2", "v2", 7, GRACE);
        RulesVersion housing1 = rules.publish(Optional.of(housing), "h1", "h1", 7, GRACE);
        RulesVersion housing2 = rules.publish(Optional.of(housing), "h2", "h2", 7, GRACE);
        RulesVersion climate1 = rules.publish(Optional.of(climate), "c1", "c1", 7, GRACE);

        assertThat(network2.version()).isEqualTo(2);
        assertThat(housing1.version()).isEqualTo(1);
        assertThat(housing2.version()).isEqualTo(2);
        assertThat(climate1.version()).isEqualTo(1);
        assertThat(rules.currentNetwork()).contains(network2);
        assertThat(rules.currentAdditions(housing)).contains(housing2);
        assertThat(housing2.groupId()).contains(housing);
    }

    @Test
    @DisplayName("A group's members must accept the current network rules, then the group's current additions if it has any")
    void currentFor() {
        RulesVersion network = rules.publish(NETWORK, "Be kind", "cy", 7, GRACE);
        RulesVersion additions = rules.publish(Optional.of(housing), "No selling", "cy", 7, GRACE);

        assertThat(ids(rules.currentFor(housing))).containsExactly(network.id(), additions.id());
        assertThat(ids(rules.currentFor(climate))).containsExactly(network.id());
    }

    @Test
    @DisplayName("An import publishes the first text; the same text again is unchanged; a new text waits as a draft")
    void importText() {
        assertThat(importText(NETWORK, "Be kind", "Byddwch yn garedig")).isEqualTo("published");
        RulesVersion published = rules.currentNetwork().orElseThrow();
        clock.advance(Duration.ofDays(1));

        assertThat(importText(NETWORK, "Be kind", "Byddwch yn garedig")).isEqualTo("unchanged");
        assertThat(importText(NETWORK, "Be kind and brief", "Byddwch yn garedig ac yn gryno")).isEqualTo("draft");

        assertThat(rules.currentNetwork()).contains(published);
        assertThat(published.publishedAt()).contains(START);
        assertThat(rules.latestDraft(NETWORK)).hasValueSatisfying(d -> {
            assertThat(d.version()).isEqualTo(2);
            assertThat(d.published()).isFalse();
            assertThat(d.publishedAt()).isEmpty();
            assertThat(d.textEn()).isEqualTo("Be kind and brief");
        });
        assertThat(importText(NETWORK, "Be kind and brief", "Byddwch yn garedig ac yn gryno")).isEqualTo("unchanged");
        assertThat(rules.latestDraft(Optional.of(housing))).isEmpty();
    }

    @Test
    @DisplayName("A change of the Welsh text alone is a change too")
    void importWelshChange() {
        importText(NETWORK, "Be kind", "Byddwch yn garedig");

        assertThat(importText(NETWORK, "Be kind", "Byddwch yn garedig bob amser")).isEqualTo("draft");
    }

    @Test
    @DisplayName("Acceptance is recorded only for versions whose full text the person was shown")
    void acceptOnlyWhatWasShown() {
        RulesVersion network = rules.publish(NETWORK, "Be kind", "cy", 7, GRACE);
        RulesVersion additions = rules.publish(Optional.of(housing), "No selling", "cy", 7, GRACE);
        List<Long> both = List.of(network.id(), additions.id());

        assertThat(rules.acceptShown(42, both)).isFalse();
        rules.shown(42, List.of(network.id()));
        assertThat(rules.wasShown(42, both)).isFalse();
        assertThat(rules.acceptShown(42, both)).isFalse();
        assertThat(rules.hasAccepted(42, network.id())).isFalse();

        rules.shown(42, List.of(additions.id()));
        assertThat(rules.wasShown(42, both)).isTrue();
        assertThat(rules.wasShown(43, both)).isFalse();
        assertThat(rules.acceptShown(42, both)).isTrue();
        assertThat(rules.hasAccepted(42, network.id())).isTrue();
        assertThat(rules.hasAccepted(42, additions.id())).isTrue();
        assertThat(rules.hasAcceptedCurrent(42, housing)).isTrue();
    }

    @Test
    @DisplayName("Accepting nothing is not an acceptance")
    void acceptNothing() {
        assertThat(rules.acceptShown(42, List.of())).isFalse();
    }

    @Test
    @DisplayName("A version shown to many at once counts as shown to each of them")
    void shownToAll() {
        RulesVersion network = rules.publish(NETWORK, "Be kind", "cy", 7, GRACE);

        rules.shownToAll(List.of(42L, 43L), network.id());

        assertThat(rules.wasShown(42, List.of(network.id()))).isTrue();
        assertThat(rules.wasShown(43, List.of(network.id()))).isTrue();
        assertThat(rules.wasShown(44, List.of(network.id()))).isFalse();
    }

    @Test
    @DisplayName("A version is accepted once: accepting again keeps the first time")
    void acceptOnce() {
        RulesVersion network = rules.publish(NETWORK, "Be kind", "cy", 7, GRACE);
        rules.accept(42, List.of(network.id()));
        clock.advance(Duration.ofDays(2));

        rules.accept(42, List.of(network.id()));

        assertThat(rules.acceptedAt(42, network.id())).contains(START);
        assertThat(rules.acceptedAt(43, network.id())).isEmpty();
    }

    @Test
    @DisplayName("Accepting the network rules is not enough in a group with additions, and a new version must be accepted again")
    void hasAcceptedCurrent() {
        RulesVersion v1 = rules.publish(NETWORK, "Be kind", "cy", 7, GRACE);
        rules.accept(42, List.of(v1.id()));
        assertThat(rules.hasAcceptedCurrent(42, climate)).isTrue();

        RulesVersion additions = rules.publish(Optional.of(housing), "No selling", "cy", 7, GRACE);
        assertThat(rules.hasAcceptedCurrent(42, housing)).isFalse();
        rules.accept(42, List.of(additions.id()));
        assertThat(rules.hasAcceptedCurrent(42, housing)).isTrue();

        rules.publish(NETWORK, "Be kind, always", "cy", 7, GRACE);
        assertThat(rules.hasAcceptedCurrent(42, housing)).isFalse();
        assertThat(rules.hasAcceptedCurrent(42, climate)).isFalse();
    }
}
