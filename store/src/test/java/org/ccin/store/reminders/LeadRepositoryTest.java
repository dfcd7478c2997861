package org.ccin.store.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.ccin.store.plan.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadRepositoryTest {
    private static final Instant START = TestStores.START;
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private PlanRows rows;
    private LeadRepository leads;
    private long action;
    private long ada;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        rows = new PlanRows(store);
        leads = store.reminders().leads();
        rows.plan("current", true, 1);
        action = rows.action("current", "1.1", Progress.ON_TRACK, 1);
        ada = rows.member(42, "Ada");
    }

    @Test
    @DisplayName("A linked member is an active lead of the action, found by their Telegram id, with how and when")
    void link() {
        assertThat(leads.link(action, "Ada Lovelace", ada, LeadLink.Method.USERNAME, Optional.of(1L))).isTrue();

        LeadLink link = leads.activeLink(action, 42).orElseThrow();
        assertThat(link).isEqualTo(new LeadLink(link.id(), action, "Ada Lovelace", ada, 42, "Ada", Optional.empty(),
                LeadLink.Status.ACTIVE, LeadLink.Method.USERNAME, START));
        assertThat(leads.link(link.id())).contains(link);
        assertThat(leads.isLead(42)).isTrue();
        assertThat(leads.actionsLedBy(42)).containsExactly(action);
    }

    @Test
    @DisplayName("Linking an active lead again under the same name changes nothing")
    void linkTwice() {
        leads.link(action, "Ada Lovelace", ada, LeadLink.Method.USERNAME, Optional.of(1L));
        clock.advance(DAY);

        assertThat(leads.link(action, "Ada Lovelace", ada, LeadLink.Method.PICKED, Optional.of(2L))).isFalse();

        assertThat(leads.links(action)).singleElement().satisfies(l -> {
            assertThat(l.how()).isEqualTo(LeadLink.Method.USERNAME);
            assertThat(l.linkedAt()).isEqualTo(START);
        });
    }

    @Test
    @DisplayName("Linking an active lead under another of the plan's names moves the link to that name")
    void linkUnderAnotherName() {
        leads.link(action, "Ada Lovelace", ada, LeadLink.Method.USERNAME, Optional.of(1L));

        assertThat(leads.link(action, "Values and Principles Board", ada, LeadLink.Method.PICKED, Optional.empty()))
                .isTrue();

        assertThat(leads.links(action)).singleElement()
                .satisfies(l -> assertThat(l.leadName()).isEqualTo("Values and Principles Board"));
    }

    @Test
    @DisplayName("\"Not me\" declines once: the lead is kept for the record but no longer active; a later link makes them active again")
    void declineAndRelink() {
        leads.link(action, "Ada Lovelace", ada, LeadLink.Method.USERNAME, Optional.of(1L));

        assertThat(leads.decline(action, ada)).isTrue();
        assertThat(leads.decline(action, ada)).isFalse();
        assertThat(leads.activeLink(action, 42)).isEmpty();
        assertThat(leads.isLead(42)).isFalse();
        assertThat(leads.links(action)).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LeadLink.Status.DECLINED));

        clock.advance(DAY);
        assertThat(leads.link(action, "Ada Lovelace", ada, LeadLink.Method.PICKED, Optional.of(1L))).isTrue();
        assertThat(leads.activeLink(action, 42)).hasValueSatisfying(l -> {
            assertThat(l.how()).isEqualTo(LeadLink.Method.PICKED);
            assertThat(l.linkedAt()).isEqualTo(START.plus(DAY));
        });
    }

    @Test
    @DisplayName("Declining an action one does not lead is refused")
    void declineNotLinked() {
        assertThat(leads.decline(action, ada)).isFalse();
        assertThat(leads.links(action)).isEmpty();
    }

    @Test
    @DisplayName("Unlinking removes the link and returns it; unlinking an unknown link returns nothing")
    void unlink() {
        leads.link(action, "Ada Lovelace", ada, LeadLink.Method.USERNAME, Optional.of(1L));
        LeadLink link = leads.links(action).get(0);

        assertThat(leads.unlink(link.id())).contains(link);
        assertThat(leads.unlink(link.id())).isEmpty();
        assertThat(leads.links(action)).isEmpty();
        assertThat(leads.link(link.id())).isEmpty();
    }

    @Test
    @DisplayName("An action's leads list the active ones first, then by when they were linked")
    void linksOrder() {
        long bo = rows.member(43, "Bo");
        long cy = rows.member(44, "Cy");
        leads.link(action, "Ada", ada, LeadLink.Method.PICKED, Optional.empty());
        clock.advance(DAY);
        leads.link(action, "Bo", bo, LeadLink.Method.PICKED, Optional.empty());
        clock.advance(DAY);
        leads.link(action, "Cy", cy, LeadLink.Method.PICKED, Optional.empty());
        leads.decline(action, ada);

        assertThat(leads.links(action)).extracting(LeadLink::memberId).containsExactly(bo, cy, ada);
    }

    @Test
    @DisplayName("The actions someone leads come in plan order: the current plan first, then each plan's own order")
    void actionsLedByOrder() {
        rows.plan("old", false, 0);
        long old = rows.action("old", "9.9", Progress.ON_TRACK, 1);
        long second = rows.action("current", "1.2", Progress.ON_TRACK, 3);
        long first = rows.action("current", "1.3", Progress.ON_TRACK, 2);
        long declined = rows.action("current", "1.4", Progress.ON_TRACK, 4);
        for (long a : new long[] {old, second, first, declined}) {
            leads.link(a, "Ada", ada, LeadLink.Method.PICKED, Optional.empty());
        }
        leads.decline(declined, ada);

        assertThat(leads.actionsLedBy(42)).containsExactly(first, second, old);
        assertThat(leads.actionsLedBy(99)).isEmpty();
        assertThat(leads.isLead(99)).isFalse();
    }

    @Test
    @DisplayName("Actions without a lead are the current plan's unfinished actions nobody actively leads, in plan order")
    void actionsWithoutLead() {
        long later = rows.action("current", "1.3", Progress.NOT_STARTED, 3);
        long earlier = rows.action("current", "1.2", Progress.AT_RISK, 2);
        rows.action("current", "1.4", Progress.COMPLETE, 4);
        long declined = rows.action("current", "1.5", Progress.ON_TRACK, 5);
        rows.plan("old", false, 2);
        rows.action("old", "1.1", Progress.ON_TRACK, 1);
        leads.link(action, "Ada", ada, LeadLink.Method.PICKED, Optional.empty());
        leads.link(declined, "Ada", ada, LeadLink.Method.PICKED, Optional.empty());
        leads.decline(declined, ada);

        assertThat(leads.actionsWithoutLead()).containsExactly(earlier, later, declined);
    }

    @Test
    @DisplayName("A claim link is a fresh 20-letter token naming the action and lead, open until it expires")
    void createClaim() {
        String token = leads.createClaim(action, "Ada Lovelace", 1, Duration.ofDays(7));
        String other = leads.createClaim(action, "Ada Lovelace", 1, Duration.ofDays(7));

        assertThat(token).hasSize(20).matches("[A-Za-z0-9]+");
        assertThat(other).isNotEqualTo(token);
        assertThat(leads.claim(token)).contains(new LeadClaim(token, action, "Ada Lovelace", 1,
                START.plus(Duration.ofDays(7)), Optional.empty()));
        assertThat(leads.claim("nope")).isEmpty();
    }

    @Test
    @DisplayName("Redeeming a claim link links the member as lead, by claim; the link then works no more")
    void redeemOnce() {
        String token = leads.createClaim(action, "Ada Lovelace", 7, Duration.ofDays(7));
        long bo = rows.member(43, "Bo");

        assertThat(leads.redeem(token, ada)).isEqualTo(ClaimOutcome.LINKED);
        assertThat(leads.redeem(token, bo)).isEqualTo(ClaimOutcome.USED);

        assertThat(leads.activeLink(action, 42)).hasValueSatisfying(l -> {
            assertThat(l.how()).isEqualTo(LeadLink.Method.CLAIMED);
            assertThat(l.leadName()).isEqualTo("Ada Lovelace");
        });
        assertThat(leads.activeLink(action, 43)).isEmpty();
        assertThat(leads.claim(token).orElseThrow().claimedAt()).contains(START);
    }

    @Test
    @DisplayName("A claim link works until just before it expires, and not from that moment; an expired link links nobody")
    void redeemExpiry() {
        String early = leads.createClaim(action, "Ada Lovelace", 7, Duration.ofHours(1));
        String late = leads.createClaim(action, "Ada Lovelace", 7, Duration.ofHours(1));
        long bo = rows.member(43, "Bo");

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(leads.redeem(early, ada)).isEqualTo(ClaimOutcome.LINKED);
        clock.advance(Duration.ofMillis(1));
        assertThat(leads.redeem(late, bo)).isEqualTo(ClaimOutcome.EXPIRED);

        assertThat(leads.activeLink(action, 43)).isEmpty();
        assertThat(leads.claim(late).orElseThrow().claimedAt()).isEmpty();
    }

    @Test
    @DisplayName("An unknown token links nobody; a lead who claims an action they already lead is told so")
    void redeemUnknownAndAlreadyLinked() {
        assertThat(leads.redeem("not-a-token", ada)).isEqualTo(ClaimOutcome.UNKNOWN);
        assertThat(leads.links(action)).isEmpty();

        leads.link(action, "Ada Lovelace", ada, LeadLink.Method.USERNAME, Optional.of(1L));
        String token = leads.createClaim(action, "Ada Lovelace", 7, Duration.ofDays(7));

        assertThat(leads.redeem(token, ada)).isEqualTo(ClaimOutcome.ALREADY_LINKED);
        assertThat(leads.links(action)).singleElement()
                .satisfies(l -> assertThat(l.how()).isEqualTo(LeadLink.Method.USERNAME));
    }
}
