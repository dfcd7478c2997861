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

class JoinRequestRepositoryTest {
    private static final Instant START = TestStores.START;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private JoinRequestRepository requests;
    private long housing;
    private long climate;

    @BeforeEach
    void open() {
        Store store = TestStores.open(dir, clock);
        requests = store.groups().joinRequests();
        housing = store.groups().catalogue().create("housing", -1001, "Housing").id();
        climate = store.groups().catalogue().create("climate", -1002, "Climate").id();
    }

    private static List<Long> ids(List<JoinRequest> list) {
        return list.stream().map(JoinRequest::id).toList();
    }

    @Test
    @DisplayName("A recorded request is pending, with its time and the link it came through")
    void record() {
        JoinRequest request = requests.record(housing, 42, Optional.of("https://t.me/+abc"));

        assertThat(request).isEqualTo(new JoinRequest(request.id(), housing, 42, START, Optional.of("https://t.me/+abc"),
                JoinRequest.Status.PENDING, Optional.empty()));
        assertThat(requests.find(request.id())).contains(request);
        assertThat(requests.pending(housing, 42)).contains(request);
    }

    @Test
    @DisplayName("A second request of the same person for the same group while one is pending is the same request")
    void repeatWhilePending() {
        JoinRequest first = requests.record(housing, 42, Optional.empty());
        clock.advance(Duration.ofMinutes(1));

        JoinRequest again = requests.record(housing, 42, Optional.of("https://t.me/+later"));

        assertThat(again).isEqualTo(first);
        assertThat(requests.pendingOf(42)).containsExactly(first);
    }

    @Test
    @DisplayName("The same person asking for two groups makes two requests; two people asking for one group make two")
    void separatePerGroupAndPerson() {
        JoinRequest a = requests.record(housing, 42, Optional.empty());
        JoinRequest b = requests.record(climate, 42, Optional.empty());
        JoinRequest c = requests.record(housing, 43, Optional.empty());

        assertThat(ids(List.of(a, b, c))).doesNotHaveDuplicates();
        assertThat(requests.pending(climate, 42)).contains(b);
        assertThat(requests.pending(housing, 43)).contains(c);
    }

    @Test
    @DisplayName("A pending request is decided once: a second decision is refused and changes nothing")
    void decideOnce() {
        JoinRequest request = requests.record(housing, 42, Optional.empty());

        assertThat(requests.decide(request.id(), JoinRequest.Status.APPROVED, "rules accepted")).isTrue();
        assertThat(requests.decide(request.id(), JoinRequest.Status.DECLINED, "too late")).isFalse();

        JoinRequest decided = requests.find(request.id()).orElseThrow();
        assertThat(decided.status()).isEqualTo(JoinRequest.Status.APPROVED);
        assertThat(decided.reason()).contains("rules accepted");
        assertThat(requests.pending(housing, 42)).isEmpty();
        assertThat(requests.pendingOf(42)).isEmpty();
    }

    @Test
    @DisplayName("Deciding a request that does not exist is refused")
    void decideUnknown() {
        assertThat(requests.decide(999, JoinRequest.Status.APPROVED, "x")).isFalse();
        assertThat(requests.find(999)).isEmpty();
    }

    @Test
    @DisplayName("After a decision, asking again makes a new pending request")
    void newRequestAfterDecision() {
        JoinRequest first = requests.record(housing, 42, Optional.empty());
        requests.decide(first.id(), JoinRequest.Status.EXPIRED, "rules not accepted in time");
        clock.advance(Duration.ofDays(1));

        JoinRequest second = requests.record(housing, 42, Optional.empty());

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.status()).isEqualTo(JoinRequest.Status.PENDING);
        assertThat(second.requestedAt()).isEqualTo(START.plus(Duration.ofDays(1)));
        assertThat(requests.find(first.id()).orElseThrow().status()).isEqualTo(JoinRequest.Status.EXPIRED);
    }

    @Test
    @DisplayName("A person's waiting requests come oldest first")
    void pendingOfOrder() {
        JoinRequest later = requests.record(climate, 42, Optional.empty());
        clock.advance(Duration.ofMinutes(-5));
        JoinRequest earlier = requests.record(housing, 42, Optional.empty());
        requests.record(housing, 43, Optional.empty());

        assertThat(requests.pendingOf(42)).containsExactly(earlier, later);
        assertThat(requests.pendingOf(99)).isEmpty();
    }

    @Test
    @DisplayName("Requests pending since before a moment are those made strictly before it, oldest first")
    void pendingSince() {
        JoinRequest old = requests.record(housing, 41, Optional.empty());
        clock.advance(Duration.ofHours(1));
        JoinRequest decided = requests.record(housing, 42, Optional.empty());
        requests.decide(decided.id(), JoinRequest.Status.DECLINED, "no");
        JoinRequest atTheMoment = requests.record(climate, 43, Optional.empty());

        assertThat(requests.pendingSince(clock.instant())).containsExactly(old);
        assertThat(ids(requests.pendingSince(clock.instant().plusMillis(1)))).containsExactly(old.id(), atTheMoment.id());
        assertThat(requests.pendingSince(START)).isEmpty();
    }

    @Test
    @DisplayName("A personal link is known by its owner; saving it again gives it to the new owner; other links are unknown")
    void links() {
        requests.saveLink("https://t.me/+one", housing, 42, START.plus(Duration.ofHours(1)));

        assertThat(requests.linkOwner("https://t.me/+one")).contains(42L);
        assertThat(requests.linkOwner("https://t.me/+other")).isEmpty();

        requests.saveLink("https://t.me/+one", housing, 43, START.plus(Duration.ofHours(2)));
        assertThat(requests.linkOwner("https://t.me/+one")).contains(43L);
    }
}
