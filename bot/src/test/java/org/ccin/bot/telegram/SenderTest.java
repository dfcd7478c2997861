package org.ccin.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.config.BotConfig.SendingSettings;
import org.ccin.config.ManualClock;
import org.ccin.config.Mode;
import org.ccin.config.TelegramSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/** The delivery rules and limits of the Sender, against the fake Bot API over real HTTP. */
class SenderTest {
    private final FakeBotApi telegram = FakeBotApi.builder().start();
    private TelegramConnection connection;
    private Sender sender;

    private Sender sender(double globalPerSecond, double privatePerSecond, int maxAttempts) {
        TelegramSettings settings = new TelegramSettings(java.util.Optional.of(telegram.token()),
                java.net.URI.create(telegram.url()), Mode.POLLING, 1, java.util.Optional.empty(),
                java.util.Optional.empty(), "updates", 1_000_000);
        SendingSettings sending = new SendingSettings(globalPerSecond, privatePerSecond, 20, maxAttempts,
                Duration.ofSeconds(5));
        connection = new TelegramConnection(settings, sending, new TelegramHealth(new ManualClock(java.time.Instant.now())));
        sender = new Sender(connection.calls(), sending, Sender.SendListener.NONE);
        return sender;
    }

    @AfterEach
    void close() {
        if (sender != null) {
            sender.close(Duration.ofSeconds(1));
            connection.close();
        }
        telegram.close();
    }

    private static SendMessage text(long chat, String text) {
        return SendMessage.builder().chatId(chat).text(text).build();
    }

    @Test
    @DisplayName("429 waits retry_after and then succeeds, without counting as a failed attempt")
    void rateLimitedByTelegram() throws Exception {
        telegram.addUser(FakeUser.of(42, "Ada"));
        sender(25, 10, 1);
        telegram.failNext("sendmessage", 42, 1, 429, "Too Many Requests: retry after 1", 1);

        long started = System.nanoTime();
        Message message = sender.send(Lane.INTERACTIVE, 42, text(42, "hello")).get(10, TimeUnit.SECONDS);

        assertThat(message.getText()).isEqualTo("hello");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isGreaterThanOrEqualTo(900);
        assertThat(telegram.calls("sendmessage")).extracting(ApiCall::status).containsExactly(429, 200);
    }

    /** Waits, as a write waits for a busy database, until the test frees it (at most 30 s). */
    private static boolean awaitFree(java.util.concurrent.CountDownLatch databaseFree) {
        try {
            return databaseFree.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    @DisplayName("A call whose check before sending waits (a busy database) holds up neither other chats' replies "
            + "nor the completion of other calls")
    void waitingCheckHoldsUpNobodyElse() throws Exception {
        telegram.addUser(FakeUser.of(1, "One"));
        telegram.addUser(FakeUser.of(2, "Two"));
        telegram.addUser(FakeUser.of(3, "Three"));
        telegram.block(3);
        sender(25, 10, 1);
        java.util.concurrent.CountDownLatch databaseFree = new java.util.concurrent.CountDownLatch(1);
        CompletableFuture<Message> waiting = sender.send(Lane.BROADCAST, 1, text(1, "news"),
                () -> awaitFree(databaseFree));
        // a failure's dependants run outside the sender's lock: one that waits holds up nobody either
        CompletableFuture<Object> slowDependant = sender.send(Lane.BROADCAST, 3, text(3, "news"))
                .handle((message, error) -> awaitFree(databaseFree));

        Message reply = sender.send(Lane.INTERACTIVE, 2, text(2, "reply")).get(10, TimeUnit.SECONDS);

        assertThat(reply.getText()).isEqualTo("reply");
        assertThat(waiting).isNotDone();
        assertThat(slowDependant).isNotDone();
        databaseFree.countDown();
        assertThat(waiting.get(10, TimeUnit.SECONDS).getText()).isEqualTo("news");
        assertThat(slowDependant.get(10, TimeUnit.SECONDS)).isEqualTo(true);
    }

    @Test
    @DisplayName("An ok: true answer whose result cannot be read is a delivery: completed without a message, never resent")
    void unreadableOkIsDelivered() throws Exception {
        telegram.addUser(FakeUser.of(42, "Ada"));
        sender(25, 10, 5);
        // a photo Telegram knows (someone sent it), so that its file id is accepted
        telegram.userPhoto(FakeUser.of(42, "Ada"), "a picture");
        String fileId = telegram.messages(42).stream().filter(m -> m.json().has("photo")).findFirst()
                .orElseThrow().json().path("photo").path(0).path("file_id").asText();
        telegram.answerUnreadably("sendmessage", 1);
        telegram.answerUnreadably("sendphoto", 1);

        Message text = sender.send(Lane.INTERACTIVE, 42, text(42, "hello")).get(10, TimeUnit.SECONDS);
        Message photo = sender.sendPhoto(Lane.BROADCAST, 42, org.telegram.telegrambots.meta.api.methods.send.SendPhoto
                .builder().chatId(42L).photo(new org.telegram.telegrambots.meta.api.objects.InputFile(fileId))
                .caption("news").build()).get(10, TimeUnit.SECONDS);
        Message after = sender.send(Lane.INTERACTIVE, 42, text(42, "next")).get(10, TimeUnit.SECONDS);

        assertThat(text).as("delivered, result unknown").isNull();
        assertThat(photo).as("delivered, result unknown").isNull();
        assertThat(after.getText()).isEqualTo("next");
        assertThat(telegram.calls("sendmessage")).extracting(ApiCall::status).containsExactly(200, 200);
        assertThat(telegram.calls("sendphoto")).hasSize(1);
        assertThat(telegram.messages(42)).extracting(m -> m.text()).containsExactly("a picture", "hello", "news", "next");
    }

    @Test
    @DisplayName("403 fails at once as FORBIDDEN; other 4xx as REJECTED; neither is retried")
    void forbiddenAndRejected() {
        telegram.addUser(FakeUser.of(42, "Ada"));
        telegram.block(42);
        sender(25, 10, 5);

        assertThatThrownBy(() -> sender.send(Lane.BROADCAST, 42, text(42, "news")).get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(SendException.class)
                .satisfies(e -> assertThat(((SendException) e.getCause()).reason()).isEqualTo(SendException.Reason.FORBIDDEN));
        assertThatThrownBy(() -> sender.send(Lane.INTERACTIVE, 777, text(777, "who?")).get(5, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(((SendException) e.getCause()).reason()).isEqualTo(SendException.Reason.REJECTED));
        assertThat(telegram.calls("sendmessage")).hasSize(2);
    }

    @Test
    @DisplayName("Server errors are retried with backoff, then given up after the configured attempts")
    void serverErrors() throws Exception {
        telegram.addUser(FakeUser.of(42, "Ada"));
        sender(25, 10, 3);
        telegram.failNext("sendmessage", 1, 502, "Bad Gateway");

        assertThat(sender.send(Lane.REMINDER, 42, text(42, "once")).get(10, TimeUnit.SECONDS).getText()).isEqualTo("once");

        telegram.failNext("sendmessage", 3, 500, "Internal Server Error");
        assertThatThrownBy(() -> sender.send(Lane.REMINDER, 42, text(42, "never")).get(20, TimeUnit.SECONDS))
                .satisfies(e -> assertThat(((SendException) e.getCause()).reason()).isEqualTo(SendException.Reason.GAVE_UP));
        assertThat(telegram.calls("sendmessage")).extracting(ApiCall::status).containsExactly(502, 200, 500, 500, 500);
    }

    @Test
    @DisplayName("The sender keeps under the limits Telegram enforces: no 429 caused by the bot itself")
    void staysUnderLimits() throws Exception {
        for (long id = 1; id <= 15; id++) {
            telegram.addUser(FakeUser.of(id, "P" + id));
        }
        telegram.enforceLimits(10, 1, 20);
        sender(10, 1, 3);
        List<CompletableFuture<Message>> sent = new ArrayList<>();

        for (int round = 0; round < 2; round++) {
            for (long id = 1; id <= 15; id++) {
                sent.add(sender.send(Lane.BROADCAST, id, text(id, "round " + round)));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        assertThat(telegram.rateLimited429Count()).isZero();
        assertThat(telegram.calls("sendmessage")).hasSize(30).allMatch(ApiCall::ok);
    }

    @Test
    @DisplayName("One chat's messages arrive in the order they were sent, even when one of them is retried")
    void orderPerChat() throws Exception {
        telegram.addUser(FakeUser.of(42, "Ada"));
        sender(25, 50, 5);
        telegram.failNext("sendmessage", 42, 1, 429, "Too Many Requests: retry after 1", 1);

        CompletableFuture<Message> first = sender.send(Lane.INTERACTIVE, 42, text(42, "first"));
        CompletableFuture<Message> second = sender.send(Lane.INTERACTIVE, 42, text(42, "second"));
        CompletableFuture.allOf(first, second).get(10, TimeUnit.SECONDS);

        assertThat(telegram.messages(42)).extracting(m -> m.text()).containsExactly("first", "second");
    }

    @Test
    @DisplayName("An interactive reply overtakes a queued broadcast")
    void interactiveFirst() throws Exception {
        for (long id = 1; id <= 20; id++) {
            telegram.addUser(FakeUser.of(id, "P" + id));
        }
        telegram.addUser(FakeUser.of(500, "Waiting member"));
        sender(5, 5, 3);
        List<CompletableFuture<Message>> broadcast = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            broadcast.add(sender.send(Lane.BROADCAST, id, text(id, "newsletter")));
        }

        sender.send(Lane.INTERACTIVE, 500, text(500, "your answer")).get(5, TimeUnit.SECONDS);

        long broadcastDone = broadcast.stream().filter(CompletableFuture::isDone).count();
        assertThat(broadcastDone).isLessThan(20);
        CompletableFuture.allOf(broadcast.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("Closing fails what is still queued with SHUTDOWN instead of losing it silently")
    void shutdown() throws InterruptedException {
        telegram.addUser(FakeUser.of(42, "Ada"));
        sender(25, 0.2, 3);
        sender.send(Lane.BROADCAST, 42, text(42, "a"));
        CompletableFuture<Message> queued = sender.send(Lane.BROADCAST, 42, text(42, "b"));

        sender.close(Duration.ofMillis(200));

        assertThatThrownBy(() -> queued.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((SendException) e.getCause()).reason()).isEqualTo(SendException.Reason.SHUTDOWN));
    }
}
