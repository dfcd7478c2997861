package org.ccin.bot.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.e2e.Eventually;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.telegram.Sender;
import org.ccin.bot.telegram.TelegramConnection;
import org.ccin.bot.telegram.TelegramHealth;
import org.ccin.config.BotConfig.SendingSettings;
import org.ccin.config.ManualClock;
import org.ccin.config.Mode;
import org.ccin.config.TelegramSettings;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's delivery rules and crash safety, against the fake Bot API over real HTTP and a real SQLite file. */
class OutboxDispatcherTest {
    @TempDir
    Path dir;

    private final FakeBotApi telegram = FakeBotApi.builder().start();
    private final ManualClock clock = new ManualClock(Instant.now());
    private Store store;
    private TelegramConnection connection;
    private Sender sender;
    private OutboxDispatcher dispatcher;
    private final List<String> outcomes = new ArrayList<>();

    @BeforeEach
    void start() {
        store = new Store(Database.open(dir.resolve("bot.db")), clock, Duration.ofHours(1));
        TelegramSettings settings = new TelegramSettings(Optional.of(telegram.token()), URI.create(telegram.url()),
                Mode.POLLING, 1, Optional.empty(), Optional.empty(), "updates", 1_000_000);
        SendingSettings sending = new SendingSettings(25, 20, 20, 2, Duration.ofSeconds(5));
        connection = new TelegramConnection(settings, sending, new TelegramHealth(clock));
        sender = new Sender(connection.calls(), sending, Sender.SendListener.NONE);
        dispatcher = new OutboxDispatcher(store.outbox(), store.members(), sender);
        dispatcher.listen("test", (row, outcome, messageId) -> {
            synchronized (outcomes) {
                outcomes.add(row.dedupeKey() + "=" + outcome);
            }
        });
    }

    @AfterEach
    void stop() {
        dispatcher.close();
        sender.close(Duration.ofSeconds(1));
        connection.close();
        store.database().close();
        telegram.close();
    }

    private OutboxMessage message(String key, long chat, Instant notBefore) {
        return new OutboxMessage(key, OutboxLane.BROADCAST, "test", 7, chat,
                OutgoingMessage.text("Hello <b>" + key + "</b>", null).json(), notBefore);
    }

    @Test
    @DisplayName("Due messages are sent once; 403 marks the person unreachable; a 4xx fails; enqueueing twice is harmless")
    void deliveryRules() {
        telegram.addUser(FakeUser.of(1, "One"));
        telegram.addUser(FakeUser.of(2, "Two"));
        store.members().recordContact(2, "Two", Optional.empty(), "en");
        telegram.block(2);
        List<OutboxMessage> messages = List.of(message("a", 1, clock.instant()), message("b", 2, clock.instant()),
                message("c", 999, clock.instant()));
        store.outbox().enqueue(messages);
        assertThat(store.outbox().enqueue(messages)).isZero();

        dispatcher.start();
        dispatcher.wake();

        Eventually.await("all three settled", () -> outcomes.size() == 3);
        assertThat(store.outbox().counts("test", 7)).isEqualTo(Map.of(OutboxStatus.SENT, 1, OutboxStatus.BLOCKED, 1,
                OutboxStatus.FAILED, 1));
        assertThat(store.outbox().find("a").orElseThrow().telegramMessageId()).isPresent();
        assertThat(store.members().isUnreachable(2)).isTrue();
        assertThat(telegram.calls("sendmessage").stream().filter(c -> c.ok())).hasSize(1);
    }

    @Test
    @DisplayName("A message is not sent before its time")
    void notBefore() {
        telegram.addUser(FakeUser.of(1, "One"));
        store.outbox().enqueue(List.of(message("later", 1, clock.instant().plusSeconds(3600))));

        dispatcher.start();
        dispatcher.wake();
        dispatcher.awaitSettled(Duration.ofMillis(300));

        assertThat(store.outbox().find("later").orElseThrow().status()).isEqualTo(OutboxStatus.PENDING);
        clock.advance(Duration.ofHours(2));
        dispatcher.wake();
        Eventually.await("sent once due", () -> store.outbox().find("later").orElseThrow().status() == OutboxStatus.SENT);
    }

    @Test
    @DisplayName("Rows left SENDING by a process that died: never called → sent; called → sent again, whatever the "
            + "lane, and marked as possibly repeated")
    void crashRecovery() {
        telegram.addUser(FakeUser.of(1, "One"));
        store.outbox().enqueue(List.of(message("called", 1, clock.instant()), message("queued", 1, clock.instant()),
                message("waiting", 1, clock.instant()),
                new OutboxMessage("reminder", OutboxLane.REMINDER, "test", 0, 1, OutgoingMessage.text("r", null).json(),
                        clock.instant())));
        // the previous process claimed rows, made the call of one of each lane, and died before the answers came
        List<OutboxRow> claimed = store.outbox().claim(OutboxLane.BROADCAST, 2);
        store.outbox().markCalled(claimed.get(0));
        store.outbox().markCalled(store.outbox().claim(OutboxLane.REMINDER, 1).get(0));

        dispatcher.start();
        dispatcher.wake();

        Eventually.await("every row sent", () -> List.of("called", "queued", "waiting", "reminder").stream()
                .allMatch(key -> store.outbox().find(key).orElseThrow().status() == OutboxStatus.SENT));
        assertThat(telegram.calls("sendmessage")).hasSize(4);
        assertThat(store.outbox().resentAfterCrash("test", 0)).as("the reminder, called before the crash").isEqualTo(1);
    }

    @Test
    @DisplayName("Stopping leaves no row SENDING: what the Sender could not send goes back to waiting")
    void stopLeavesNothingSending() {
        for (long id = 1; id <= 30; id++) {
            telegram.addUser(FakeUser.of(id, "P" + id));
        }
        telegram.latency(Duration.ofMillis(200));
        List<OutboxMessage> messages = new ArrayList<>();
        for (long id = 1; id <= 30; id++) {
            messages.add(message("m" + id, id, clock.instant()));
        }
        store.outbox().enqueue(messages);
        dispatcher.start();
        dispatcher.wake();
        Eventually.await("some sent", () -> !telegram.calls("sendmessage").isEmpty());

        dispatcher.close();
        sender.close(Duration.ofMillis(100));
        dispatcher.awaitSettled(Duration.ofSeconds(5));

        Map<OutboxStatus, Integer> counts = store.outbox().counts("test", 7);
        assertThat(counts).doesNotContainKey(OutboxStatus.SENDING);
        assertThat(counts.getOrDefault(OutboxStatus.SENT, 0) + counts.getOrDefault(OutboxStatus.PENDING, 0)).isEqualTo(30);
    }
}
