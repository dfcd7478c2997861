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

class MembershipRepositoryTest {
    private static final Instant START = TestStores.START;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private MembershipRepository memberships;
    private long housing;
    private long climate;

    @BeforeEach
    void open() {
        Store store = TestStores.open(dir, clock);
        memberships = store.groups().memberships();
        housing = store.groups().catalogue().create("housing", -1001, "Housing").id();
        climate = store.groups().catalogue().create("climate", -1002, "Climate").id();
    }

    private static List<Long> users(List<Membership> list) {
        return list.stream().map(Membership::userId).toList();
    }

    private static List<Long> groups(List<Membership> list) {
        return list.stream().map(Membership::groupId).toList();
    }

    @Test
    @DisplayName("Someone the group never saw is not in it and has no record")
    void unknown() {
        assertThat(memberships.find(housing, 42)).isEmpty();
        assertThat(memberships.isIn(housing, 42)).isFalse();
        assertThat(memberships.of(42)).isEmpty();
        assertThat(memberships.in(housing)).isEmpty();
        assertThat(memberships.count(housing)).isZero();
    }

    @Test
    @DisplayName("A person who joins is in the group from that moment")
    void joined() {
        memberships.joined(housing, 42);

        assertThat(memberships.find(housing, 42)).contains(new Membership(housing, 42, MembershipStatus.JOINED,
                Optional.of(START), Optional.empty(), Optional.empty()));
        assertThat(memberships.isIn(housing, 42)).isTrue();
        assertThat(memberships.isIn(climate, 42)).isFalse();
        assertThat(memberships.count(housing)).isEqualTo(1);
    }

    @Test
    @DisplayName("Joining again while in the group changes nothing: the first joining time is kept")
    void joinedTwice() {
        memberships.joined(housing, 42);
        clock.advance(Duration.ofHours(1));

        memberships.joined(housing, 42);

        assertThat(memberships.find(housing, 42).orElseThrow().joinedAt()).contains(START);
        assertThat(memberships.count(housing)).isEqualTo(1);
    }

    @Test
    @DisplayName("Leaving or being removed ends the membership with the time and why, keeping when they joined")
    void ended() {
        memberships.joined(housing, 42);
        memberships.joined(housing, 43);
        clock.advance(Duration.ofDays(2));

        memberships.ended(housing, 42, MembershipStatus.LEFT, "left the chat");
        memberships.ended(housing, 43, MembershipStatus.REMOVED, "rules not accepted");

        assertThat(memberships.find(housing, 42)).contains(new Membership(housing, 42, MembershipStatus.LEFT,
                Optional.of(START), Optional.of(START.plus(Duration.ofDays(2))), Optional.of("left the chat")));
        assertThat(memberships.find(housing, 43).orElseThrow().status()).isEqualTo(MembershipStatus.REMOVED);
        assertThat(memberships.isIn(housing, 42)).isFalse();
        assertThat(memberships.in(housing)).isEmpty();
        assertThat(memberships.count(housing)).isZero();
    }

    @Test
    @DisplayName("Ending a membership that had already ended keeps the first ending and its reason")
    void endedTwice() {
        memberships.joined(housing, 42);
        memberships.ended(housing, 42, MembershipStatus.REMOVED, "removed by a moderator");
        clock.advance(Duration.ofMinutes(1));

        memberships.ended(housing, 42, MembershipStatus.LEFT, "left the chat");

        Membership kept = memberships.find(housing, 42).orElseThrow();
        assertThat(kept.status()).isEqualTo(MembershipStatus.REMOVED);
        assertThat(kept.reason()).contains("removed by a moderator");
        assertThat(kept.leftAt()).contains(START);
    }

    @Test
    @DisplayName("An ending seen for someone the bot never saw join is recorded, without a joining time")
    void endedWithoutJoining() {
        memberships.ended(housing, 42, MembershipStatus.LEFT, "left the chat");

        assertThat(memberships.find(housing, 42)).contains(new Membership(housing, 42, MembershipStatus.LEFT,
                Optional.empty(), Optional.of(START), Optional.of("left the chat")));
        assertThat(memberships.isIn(housing, 42)).isFalse();
    }

    @Test
    @DisplayName("Rejoining after leaving puts the person back in with a new joining time and no leaving record")
    void rejoined() {
        memberships.joined(housing, 42);
        memberships.ended(housing, 42, MembershipStatus.LEFT, "left the chat");
        clock.advance(Duration.ofDays(1));

        memberships.joined(housing, 42);

        assertThat(memberships.find(housing, 42)).contains(new Membership(housing, 42, MembershipStatus.JOINED,
                Optional.of(START.plus(Duration.ofDays(1))), Optional.empty(), Optional.empty()));
    }

    @Test
    @DisplayName("A person's groups and a group's people list only current memberships, in the order they joined")
    void listsInJoiningOrder() {
        memberships.joined(climate, 42);
        clock.advance(Duration.ofMinutes(1));
        memberships.joined(housing, 43);
        clock.advance(Duration.ofMinutes(1));
        memberships.joined(housing, 42);
        clock.advance(Duration.ofMinutes(1));
        memberships.joined(housing, 44);
        memberships.ended(housing, 43, MembershipStatus.LEFT, "left");

        assertThat(groups(memberships.of(42))).containsExactly(climate, housing);
        assertThat(memberships.of(43)).isEmpty();
        assertThat(users(memberships.in(housing))).containsExactly(42L, 44L);
        assertThat(memberships.count(housing)).isEqualTo(2);
        assertThat(memberships.count(climate)).isEqualTo(1);
    }

    @Test
    @DisplayName("The newcomers since a moment are those who joined at or after it and are still in, in joining order")
    void joinedSince() {
        memberships.joined(housing, 41);
        clock.advance(Duration.ofMinutes(5));
        Instant burst = clock.instant();
        memberships.joined(housing, 42);
        memberships.joined(climate, 45);
        clock.advance(Duration.ofSeconds(10));
        memberships.joined(housing, 43);
        memberships.joined(housing, 44);
        memberships.ended(housing, 44, MembershipStatus.LEFT, "left");

        assertThat(memberships.joinedSince(housing, burst)).containsExactly(42L, 43L);
        assertThat(memberships.joinedSince(housing, clock.instant().plusMillis(1))).isEmpty();
    }
}
