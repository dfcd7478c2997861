package org.ccin.store.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ccin.config.ManualClock;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConversationRepositoryTest {
    private static final Duration LIFETIME = Duration.ofHours(24);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private ConversationRepository conversations;

    @BeforeEach
    void open() {
        conversations = TestStores.open(dir, clock).conversations();
    }

    @Test
    @DisplayName("A person with no conversation in a chat has none")
    void noneYet() {
        assertThat(conversations.find(42, 42)).isEmpty();
    }

    @Test
    @DisplayName("A started conversation keeps its flow, step and state, lives for the lifetime, and starts at a positive version")
    void startRoundTrip() {
        Conversation started = conversations.save(-100, 42, "registration", "language", "{\"a\":1}");

        assertThat(started.chatId()).isEqualTo(-100);
        assertThat(started.userId()).isEqualTo(42);
        assertThat(started.flow()).isEqualTo("registration");
        assertThat(started.step()).isEqualTo("language");
        assertThat(started.state()).isEqualTo("{\"a\":1}");
        assertThat(started.version()).isBetween(1, 999_999);
        assertThat(started.updatedAt()).isEqualTo(TestStores.START);
        assertThat(started.expiresAt()).isEqualTo(TestStores.START.plus(LIFETIME));
        assertThat(conversations.find(-100, 42)).contains(started);
    }

    @Test
    @DisplayName("Each save replaces flow, step and state, raises the version by one and moves the expiry forward")
    void saveMovesOn() {
        Conversation started = conversations.save(42, 42, "registration", "language", "{}");
        clock.advance(Duration.ofHours(20));

        Conversation moved = conversations.save(42, 42, "profile", "region", "{\"r\":\"wales\"}");

        assertThat(moved.version()).isEqualTo(started.version() + 1);
        assertThat(moved.flow()).isEqualTo("profile");
        assertThat(moved.step()).isEqualTo("region");
        assertThat(moved.state()).isEqualTo("{\"r\":\"wales\"}");
        assertThat(moved.updatedAt()).isEqualTo(TestStores.START.plus(Duration.ofHours(20)));
        assertThat(moved.expiresAt()).isEqualTo(TestStores.START.plus(Duration.ofHours(44)));

        clock.advance(Duration.ofHours(10));
        assertThat(conversations.find(42, 42)).contains(moved);
    }

    @Test
    @DisplayName("A conversation is live until just before its expiry and gone at the moment it expires")
    void expiryEdge() {
        conversations.save(42, 42, "registration", "language", "{}");

        clock.advance(LIFETIME.minusMillis(1));
        assertThat(conversations.find(42, 42)).isPresent();
        assertThat(conversations.deleteExpired()).isZero();

        clock.advance(Duration.ofMillis(1));
        assertThat(conversations.find(42, 42)).isEmpty();
        assertThat(conversations.deleteExpired()).isEqualTo(1);
        assertThat(conversations.deleteExpired()).isZero();
    }

    @Test
    @DisplayName("Saving over an expired conversation starts it again, live, with a version unlike the old one")
    void saveAfterExpiry() {
        Conversation old = conversations.save(42, 42, "registration", "language", "{}");
        clock.advance(LIFETIME.plusHours(1));

        Conversation again = conversations.save(42, 42, "search", "query", "{}");

        assertThat(again.version()).isNotEqualTo(old.version());
        assertThat(conversations.find(42, 42)).contains(again);
    }

    @Test
    @DisplayName("The same person has one conversation per chat, and one person's conversation is not another's")
    void keyedByChatAndUser() {
        Conversation privateChat = conversations.save(42, 42, "registration", "language", "{}");
        Conversation group = conversations.save(-100, 42, "report", "reason", "{}");
        Conversation other = conversations.save(-100, 43, "report", "confirm", "{}");

        assertThat(conversations.find(42, 42)).contains(privateChat);
        assertThat(conversations.find(-100, 42)).contains(group);
        assertThat(conversations.find(-100, 43)).contains(other);
        assertThat(conversations.find(42, 43)).isEmpty();
    }

    @Test
    @DisplayName("Deleting ends only that person's conversation in that chat; deleting one that is not there changes nothing")
    void delete() {
        conversations.save(42, 42, "registration", "language", "{}");
        Conversation kept = conversations.save(-100, 42, "report", "reason", "{}");

        conversations.delete(42, 42);
        conversations.delete(7, 7);

        assertThat(conversations.find(42, 42)).isEmpty();
        assertThat(conversations.find(-100, 42)).contains(kept);
    }

    @Test
    @DisplayName("Removing expired conversations leaves the live ones and says how many went")
    void deleteExpiredKeepsLive() {
        conversations.save(1, 1, "a", "s", "{}");
        conversations.save(2, 2, "b", "s", "{}");
        clock.advance(Duration.ofHours(12));
        Conversation live = conversations.save(3, 3, "c", "s", "{}");
        clock.advance(Duration.ofHours(13));

        assertThat(conversations.deleteExpired()).isEqualTo(2);
        assertThat(conversations.find(3, 3)).contains(live);
    }
}
