package org.ccin.store.newsletters;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriptionRepositoryTest {
    private static final Instant START = TestStores.START;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(START);
    private Store store;
    private SubscriptionRepository subscriptions;
    private long ada;
    private long bo;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        subscriptions = store.newsletters().subscriptions();
        ada = store.members().recordContact(42, "Ada", Optional.empty(), "en").id();
        bo = store.members().recordContact(43, "Bo", Optional.empty(), "cy").id();
    }

    @Test
    @DisplayName("A member with no subscriptions has no topics, no history and counts nowhere")
    void none() {
        assertThat(subscriptions.topics(ada)).isEmpty();
        assertThat(subscriptions.history(ada)).isEmpty();
        assertThat(subscriptions.reachableCounts()).isEmpty();
    }

    @Test
    @DisplayName("A subscription keeps the words the member agreed to, in their language, and when")
    void subscribe() {
        assertThat(subscriptions.subscribe(bo, "monthly", "Rwy'n cytuno", "cy")).isTrue();

        assertThat(subscriptions.topics(bo)).containsExactly("monthly");
        assertThat(subscriptions.history(bo)).singleElement().satisfies(s -> assertThat(s).isEqualTo(
                new Subscription(s.id(), bo, "monthly", "Rwy'n cytuno", "cy", START, Optional.empty(), Optional.empty())));
    }

    @Test
    @DisplayName("Subscribing again while subscribed changes nothing: the first consent stands")
    void subscribeTwice() {
        subscriptions.subscribe(ada, "monthly", "I agree", "en");
        clock.advance(Duration.ofDays(1));

        assertThat(subscriptions.subscribe(ada, "monthly", "Rwy'n cytuno", "cy")).isFalse();

        assertThat(subscriptions.history(ada)).singleElement().satisfies(s -> {
            assertThat(s.consentWording()).isEqualTo("I agree");
            assertThat(s.subscribedAt()).isEqualTo(START);
        });
    }

    @Test
    @DisplayName("Unsubscribing ends only that topic, with when and how; the consent is kept in the history")
    void unsubscribe() {
        subscriptions.subscribe(ada, "monthly", "I agree", "en");
        subscriptions.subscribe(ada, "events", "I agree", "en");
        clock.advance(Duration.ofDays(3));

        assertThat(subscriptions.unsubscribe(ada, "monthly", "button")).isTrue();

        assertThat(subscriptions.topics(ada)).containsExactly("events");
        assertThat(subscriptions.history(ada)).filteredOn(s -> s.topic().equals("monthly")).singleElement()
                .satisfies(s -> {
                    assertThat(s.consentWording()).isEqualTo("I agree");
                    assertThat(s.endedAt()).contains(START.plus(Duration.ofDays(3)));
                    assertThat(s.endedHow()).contains("button");
                });
    }

    @Test
    @DisplayName("Unsubscribing from a topic one is not subscribed to is refused and ends nothing")
    void unsubscribeNotSubscribed() {
        subscriptions.subscribe(ada, "monthly", "I agree", "en");
        subscriptions.unsubscribe(ada, "monthly", "command");
        clock.advance(Duration.ofDays(1));

        assertThat(subscriptions.unsubscribe(ada, "monthly", "button")).isFalse();
        assertThat(subscriptions.unsubscribe(ada, "events", "button")).isFalse();
        assertThat(subscriptions.unsubscribe(bo, "monthly", "button")).isFalse();

        assertThat(subscriptions.history(ada)).singleElement().satisfies(s -> {
            assertThat(s.endedAt()).contains(START);
            assertThat(s.endedHow()).contains("command");
        });
    }

    @Test
    @DisplayName("Subscribing after unsubscribing is a new consent; the old one stays in the history, oldest first")
    void resubscribe() {
        subscriptions.subscribe(ada, "monthly", "I agree", "en");
        subscriptions.unsubscribe(ada, "monthly", "command");
        clock.advance(Duration.ofDays(10));

        assertThat(subscriptions.subscribe(ada, "monthly", "I agree again", "en")).isTrue();

        assertThat(subscriptions.topics(ada)).containsExactly("monthly");
        assertThat(subscriptions.history(ada)).extracting(Subscription::consentWording)
                .containsExactly("I agree", "I agree again");
        assertThat(subscriptions.history(ada).get(1).endedAt()).isEmpty();
    }

    @Test
    @DisplayName("Unsubscribing from everything ends each open subscription of that member only, and says how many")
    void unsubscribeAll() {
        subscriptions.subscribe(ada, "monthly", "I agree", "en");
        subscriptions.subscribe(ada, "events", "I agree", "en");
        subscriptions.subscribe(ada, "weekly", "I agree", "en");
        subscriptions.unsubscribe(ada, "weekly", "button");
        subscriptions.subscribe(bo, "monthly", "Rwy'n cytuno", "cy");

        assertThat(subscriptions.unsubscribeAll(ada, "command")).isEqualTo(2);
        assertThat(subscriptions.unsubscribeAll(ada, "command")).isZero();

        assertThat(subscriptions.topics(ada)).isEmpty();
        assertThat(subscriptions.history(ada)).filteredOn(s -> s.topic().equals("weekly"))
                .singleElement().satisfies(s -> assertThat(s.endedHow()).contains("button"));
        assertThat(subscriptions.topics(bo)).containsExactly("monthly");
    }

    @Test
    @DisplayName("A member's topics come in alphabetical order")
    void topicsOrder() {
        subscriptions.subscribe(ada, "weekly", "I agree", "en");
        subscriptions.subscribe(ada, "events", "I agree", "en");
        subscriptions.subscribe(ada, "monthly", "I agree", "en");

        assertThat(subscriptions.topics(ada)).containsExactly("events", "monthly", "weekly");
    }

    @Test
    @DisplayName("Reachable counts leave out ended subscriptions and people who blocked the bot, until they write again")
    void reachableCounts() {
        long cy = store.members().recordContact(44, "Cy", Optional.empty(), "en").id();
        subscriptions.subscribe(ada, "monthly", "I agree", "en");
        subscriptions.subscribe(bo, "monthly", "I agree", "en");
        subscriptions.subscribe(bo, "events", "I agree", "en");
        subscriptions.subscribe(cy, "events", "I agree", "en");
        subscriptions.unsubscribe(cy, "events", "command");
        store.members().markUnreachable(43);

        assertThat(subscriptions.reachableCounts()).isEqualTo(Map.of("monthly", 1));

        store.members().recordContact(43, "Bo", Optional.empty(), "cy");
        assertThat(subscriptions.reachableCounts()).isEqualTo(Map.of("events", 1, "monthly", 2));
    }
}
