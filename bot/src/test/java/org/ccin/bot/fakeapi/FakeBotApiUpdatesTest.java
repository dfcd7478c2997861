package org.ccin.bot.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.methods.updates.GetWebhookInfo;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.WebhookInfo;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Updates reaching the bot: long polling through the real TelegramBots session, raw polls, and the webhook. */
class FakeBotApiUpdatesTest {
    private static final Duration WAIT = Duration.ofSeconds(5);

    private FakeBotApi fake;
    private TelegramClients clients;
    private OkHttpTelegramClient client;
    private FakeUser alice;

    @BeforeEach
    void startFake() {
        fake = FakeBotApi.builder().firstUpdateId(500).webhookRetryDelay(Duration.ofMillis(50)).start();
        clients = new TelegramClients();
        client = clients.client(fake);
        alice = fake.addUser(FakeUser.of(42, "Alice"));
    }

    @AfterEach
    void stopFake() {
        fake.close();
        clients.close();
    }

    @Test
    @DisplayName("a TelegramBots long-polling session receives injected updates in order, commands marked")
    void longPollingSessionReceivesUpdatesInOrder() throws Exception {
        BlockingQueue<Update> received = new LinkedBlockingQueue<>();
        ScheduledExecutorService pollerThread = Executors.newSingleThreadScheduledExecutor();
        try (TelegramBotsLongPollingApplication polling = new TelegramBotsLongPollingApplication(
                ObjectMapper::new, () -> clients.http, () -> pollerThread)) {
            polling.registerBot(fake.token(), fake::telegramUrl,
                    last -> GetUpdates.builder().offset(last + 1).limit(100).timeout(1).build(), received::addAll);
            fake.awaitPolling(WAIT);

            // WHEN
            int first = fake.userMessage(alice, "/start");
            fake.userMessage(alice, "hello");
            fake.userMessage(alice, "/help now");

            // THEN
            List<Update> updates = take(received, 3);
            assertThat(updates).extracting(Update::getUpdateId).containsExactly(first, first + 1, first + 2);
            assertThat(first).isEqualTo(500);
            assertThat(updates).extracting(update -> update.getMessage().getText())
                    .containsExactly("/start", "hello", "/help now");
            assertThat(updates.get(0).getMessage().isCommand()).isTrue();
            assertThat(updates.get(0).getMessage().getEntities().get(0).getLength()).isEqualTo(6);
            assertThat(updates.get(1).getMessage().isCommand()).isFalse();
        } finally {
            pollerThread.shutdownNow();
        }
    }

    @Test
    @DisplayName("an offset confirms updates for good: a later poller, even from offset 0, does not get them again")
    void offsetConfirmsForGood() throws Exception {
        fake.userMessage(alice, "one");
        int last = fake.userMessage(alice, "two");

        List<Update> firstPoll = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
        List<Update> confirming = client.execute(GetUpdates.builder().offset(last + 1).timeout(0).build());
        List<Update> fromTheStart = client.execute(GetUpdates.builder().offset(0).timeout(0).build());

        assertThat(firstPoll).extracting(Update::getUpdateId).containsExactly(last - 1, last);
        assertThat(confirming).isEmpty();
        assertThat(fromTheStart).isEmpty();
        assertThat(fake.pendingUpdateCount()).isZero();
    }

    @Test
    @DisplayName("a waiting long poll answers as soon as an update is injected, not at its timeout")
    void waitingPollWakesUp() throws Exception {
        CompletableFuture<ArrayList<Update>> poll = client.executeAsync(
                GetUpdates.builder().offset(0).timeout(30).build());
        fake.awaitPolling(WAIT);

        fake.userMessage(alice, "wake up");

        assertThat(poll.get(3, TimeUnit.SECONDS)).extracting(update -> update.getMessage().getText())
                .containsExactly("wake up");
    }

    @Test
    @DisplayName("close() answers a waiting long poll with an empty list at once")
    void closeEndsWaitingPoll() throws Exception {
        CompletableFuture<ArrayList<Update>> poll = client.executeAsync(
                GetUpdates.builder().offset(0).timeout(30).build());
        fake.awaitPolling(WAIT);

        fake.close();

        assertThat(poll.get(3, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    @DisplayName("close() also sends at once an answer held back by latency")
    void closeSendsDelayedAnswers() throws Exception {
        fake.latency(Duration.ofSeconds(30));
        CompletableFuture<User> answer = client.executeAsync(new GetMe());
        fake.awaitCall("getMe", WAIT);

        fake.close();

        assertThat(answer.get(3, TimeUnit.SECONDS).getUserName()).isEqualTo(fake.botUsername());
    }

    @Test
    @DisplayName("redeliver puts a confirmed update back with the same update_id")
    void redeliver() throws Exception {
        int id = fake.userMessage(alice, "pay my dues");
        client.execute(GetUpdates.builder().offset(0).timeout(0).build());
        client.execute(GetUpdates.builder().offset(id + 1).timeout(0).build());

        fake.redeliver(id);

        List<Update> again = client.execute(GetUpdates.builder().offset(id + 1).timeout(0).build());
        assertThat(again).extracting(Update::getUpdateId).containsExactly(id);
        assertThat(client.execute(GetUpdates.builder().offset(id + 1).timeout(0).build())).isEmpty();
    }

    @Test
    @DisplayName("chat_member updates reach only a bot that asks for them in allowed_updates, as in Telegram")
    void chatMemberUpdatesAreOptIn() throws Exception {
        fake.addSupergroup(-1001L, "Housing");
        fake.chatMember(-1001L, alice, alice, MemberStatus.MEMBER);
        int wanted = fake.chatMember(-1001L, alice, alice, MemberStatus.LEFT);

        List<Update> byDefault = client.execute(GetUpdates.builder().offset(0).timeout(0).build());
        fake.chatMember(-1001L, alice, alice, MemberStatus.MEMBER);
        List<Update> optedIn = client.execute(GetUpdates.builder().offset(wanted + 1).timeout(0)
                .allowedUpdates(List.of("message", "chat_member")).build());

        assertThat(byDefault).isEmpty();
        assertThat(optedIn).hasSize(1);
        assertThat(optedIn.get(0).getChatMember().getNewChatMember().getStatus()).isEqualTo("member");
    }

    @Test
    @DisplayName("the webhook gets each update with the secret header, again after a non-2xx answer; "
            + "getUpdates is refused meanwhile")
    void webhookDeliveryWithRetry() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(500)) {
            client.execute(SetWebhook.builder().url(receiver.url()).secretToken("s3cret-token").build());

            int id = fake.userMessage(alice, "/start");

            List<WebhookReceiver.Push> pushes = receiver.awaitPushes(2, WAIT);
            assertThat(pushes).extracting(WebhookReceiver.Push::secretHeader).containsOnly("s3cret-token");
            assertThat(pushes).extracting(push -> Json.parse(push.body()).map(u -> u.path("update_id").asInt()))
                    .containsOnly(java.util.Optional.of(id));
            JsonNode update = Json.parse(pushes.get(1).body()).orElseThrow();
            assertThat(update.path("message").path("text").asText()).isEqualTo("/start");
            WebhookInfo info = client.execute(new GetWebhookInfo());
            assertThat(info.getUrl()).isEqualTo(receiver.url());
            assertThat(info.getLastErrorMessage()).contains("500");
            TelegramApiRequestException conflict = catchThrowableOfType(TelegramApiRequestException.class,
                    () -> client.execute(GetUpdates.builder().offset(0).timeout(0).build()));
            assertThat(conflict.getErrorCode()).isEqualTo(409);
            assertThat(conflict.getApiResponse()).startsWith("Conflict: can't use getUpdates method while webhook");
        }
    }

    private static List<Update> take(BlockingQueue<Update> received, int count) throws InterruptedException {
        List<Update> updates = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (updates.size() < count) {
            Update next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                throw new AssertionError("received only " + updates);
            }
            updates.add(next);
        }
        return updates;
    }
}
