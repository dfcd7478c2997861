package org.ccin.bot.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.send.SendDocument;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Calls from the real TelegramBots client, over HTTP: answers, recording, errors and faults. */
class FakeBotApiClientTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final long ALICE_ID = 42;

    private FakeBotApi fake;
    private TelegramClients clients;
    private OkHttpTelegramClient client;
    private FakeUser alice;

    @BeforeEach
    void startFake() {
        fake = FakeBotApi.builder().botUsername("ccin_test_bot").start();
        clients = new TelegramClients();
        client = clients.client(fake);
        alice = fake.addUser(FakeUser.of(ALICE_ID, "Alice").withUsername("alice"));
    }

    @AfterEach
    void stopFake() {
        fake.close();
        clients.close();
    }

    @Test
    @DisplayName("getMe answers the bot user: the id before the token's colon, is_bot, the configured username")
    void getMe() throws Exception {
        User me = client.execute(new GetMe());

        assertThat(me.getId()).isEqualTo(123456789L).isEqualTo(fake.botId());
        assertThat(me.getIsBot()).isTrue();
        assertThat(me.getUserName()).isEqualTo("ccin_test_bot");
    }

    @Test
    @DisplayName("sendMessage answers a Message with an id, and the fake records the call with its buttons")
    void sendMessageIsAnsweredAndRecorded() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(ALICE_ID).text("Choose a group")
                .replyMarkup(keyboard("Housing", "grp:join:1", "Energy", "grp:join:2")).build());

        assertThat(sent.getMessageId()).isEqualTo(1);
        assertThat(sent.getChat().getId()).isEqualTo(ALICE_ID);
        assertThat(sent.getFrom().getIsBot()).isTrue();
        ApiCall call = fake.awaitCall(c -> c.is("sendMessage") && c.chatId() == ALICE_ID, WAIT);
        assertThat(call.text()).isEqualTo("Choose a group");
        assertThat(call.buttons()).containsExactly(List.of("Housing", "Energy"));
        assertThat(call.callbackData("Energy")).isEqualTo("grp:join:2");
        assertThat(call.resultMessageId()).hasValue(1);
        assertThat(fake.lastBotMessage(ALICE_ID)).hasValueSatisfying(message -> {
            assertThat(message.text()).isEqualTo("Choose a group");
            assertThat(message.buttons()).containsExactly(List.of("Housing", "Energy"));
        });
    }

    @Test
    @DisplayName("message ids count up per chat, shared by the user's messages and the bot's")
    void messageIdsCountUpPerChat() throws Exception {
        fake.userMessage(alice, "/start");

        Message reply = client.execute(SendMessage.builder().chatId(ALICE_ID).text("Welcome").build());

        assertThat(reply.getMessageId()).isEqualTo(2);
        assertThat(fake.messages(ALICE_ID)).extracting(FakeMessage::text).containsExactly("/start", "Welcome");
    }

    @Test
    @DisplayName("editMessageText changes the stored message; 'not modified' and 'not found' arrive as 400")
    void editMessageText() throws Exception {
        // GIVEN
        Message sent = client.execute(SendMessage.builder().chatId(ALICE_ID).text("Draft")
                .replyMarkup(keyboard("Publish", "nl:pub:1", "Cancel", "nl:cancel:1")).build());
        EditMessageText edit = EditMessageText.builder().chatId(ALICE_ID).messageId(sent.getMessageId())
                .text("Published").build();

        // WHEN
        client.execute(edit);

        // THEN the text changed and, as in Telegram, an edit without reply_markup removed the keyboard
        FakeMessage stored = fake.message(ALICE_ID, sent.getMessageId()).orElseThrow();
        assertThat(stored.text()).isEqualTo("Published");
        assertThat(stored.buttons()).isEmpty();
        TelegramApiRequestException same = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(edit));
        assertThat(same.getErrorCode()).isEqualTo(400);
        assertThat(same.getApiResponse()).startsWith("Bad Request: message is not modified");
        TelegramApiRequestException missing = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(EditMessageText.builder().chatId(ALICE_ID).messageId(999).text("x").build()));
        assertThat(missing.getErrorCode()).isEqualTo(400);
        assertThat(missing.getApiResponse()).isEqualTo("Bad Request: message to edit not found");
    }

    @Test
    @DisplayName("editMessageReplyMarkup and deleteMessage change what the chat shows")
    void editMarkupAndDelete() throws Exception {
        Message sent = client.execute(SendMessage.builder().chatId(ALICE_ID).text("Join?")
                .replyMarkup(keyboard("Yes", "j:y", "No", "j:n")).build());
        EditMessageReplyMarkup dropButtons = EditMessageReplyMarkup.builder().chatId(ALICE_ID)
                .messageId(sent.getMessageId()).build();

        client.execute(dropButtons);

        assertThat(fake.message(ALICE_ID, sent.getMessageId()).orElseThrow().buttons()).isEmpty();
        assertThat(catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(dropButtons))
                .getApiResponse()).startsWith("Bad Request: message is not modified");
        assertThat(client.execute(new DeleteMessage(String.valueOf(ALICE_ID), sent.getMessageId()))).isTrue();
        assertThat(fake.messages(ALICE_ID)).isEmpty();
    }

    @Test
    @DisplayName("as in Telegram, an inline keyboard of more than 100 buttons is refused with 400 by any method")
    void moreThan100ButtonsAreRefused() throws Exception {
        // GIVEN a message with a keyboard of exactly 100 buttons, which Telegram accepts
        Message sent = client.execute(SendMessage.builder().chatId(ALICE_ID).text("Who came?")
                .replyMarkup(buttons(100)).build());
        assertThat(fake.message(ALICE_ID, sent.getMessageId()).orElseThrow().buttons()).hasSize(50);

        // WHEN a send and an edit each carry 101
        TelegramApiRequestException send = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(ALICE_ID).text("Too many").replyMarkup(buttons(101))
                        .build()));
        TelegramApiRequestException edit = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(EditMessageReplyMarkup.builder().chatId(ALICE_ID).messageId(sent.getMessageId())
                        .replyMarkup(buttons(101)).build()));

        // THEN both are refused as Telegram refuses them, and nothing changed in the chat
        assertThat(send.getErrorCode()).isEqualTo(400);
        assertThat(send.getApiResponse()).isEqualTo("Bad Request: REPLY_MARKUP_TOO_LONG");
        assertThat(edit.getErrorCode()).isEqualTo(400);
        assertThat(edit.getApiResponse()).isEqualTo("Bad Request: REPLY_MARKUP_TOO_LONG");
        assertThat(fake.messages(ALICE_ID)).hasSize(1);
        assertThat(fake.message(ALICE_ID, sent.getMessageId()).orElseThrow().buttons()).hasSize(50);
    }

    @Test
    @DisplayName("a photo is uploaded once and sent again by the file_id the fake gave it")
    void photoByUploadThenFileId() throws Exception {
        Message first = client.execute(SendPhoto.builder().chatId(ALICE_ID)
                .photo(new InputFile(new ByteArrayInputStream(new byte[] {1, 2, 3}), "chart.png")).build());
        String fileId = first.getPhoto().get(0).getFileId();

        Message again = client.execute(SendPhoto.builder().chatId(ALICE_ID).photo(new InputFile(fileId)).build());

        assertThat(again.getPhoto().get(0).getFileId()).isEqualTo(fileId);
        assertThat(fake.calls("sendPhoto").get(0).uploads())
                .containsExactly(new ApiCall.Upload("photo", "chart.png", 3));
        assertThat(fake.calls("sendPhoto").get(1).uploads()).isEmpty();
        assertThat(catchThrowableOfType(TelegramApiRequestException.class, () -> client.execute(
                SendPhoto.builder().chatId(ALICE_ID).photo(new InputFile("made-up-id")).build())).getApiResponse())
                .isEqualTo("Bad Request: wrong file identifier/HTTP URL specified");
    }

    @Test
    @DisplayName("a wrong token is answered 401 Unauthorized")
    void wrongToken() {
        OkHttpTelegramClient intruder = clients.client(fake, "999:not-the-token");

        TelegramApiRequestException error = catchThrowableOfType(TelegramApiRequestException.class,
                () -> intruder.execute(new GetMe()));

        assertThat(error.getErrorCode()).isEqualTo(401);
        assertThat(error.getApiResponse()).isEqualTo("Unauthorized");
    }

    @Test
    @DisplayName("a scripted 429 carries retry_after, creates no message, and the next call goes through")
    void scripted429() throws Exception {
        fake.failNext("sendMessage", ALICE_ID, 1, 429, "Too Many Requests: retry after 7", 7);

        TelegramApiRequestException error = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(ALICE_ID).text("Reminder").build()));
        Message retried = client.execute(SendMessage.builder().chatId(ALICE_ID).text("Reminder").build());

        assertThat(error.getErrorCode()).isEqualTo(429);
        assertThat(error.getParameters().getRetryAfter()).isEqualTo(7);
        assertThat(retried.getMessageId()).isEqualTo(1);
        assertThat(fake.messages(ALICE_ID)).hasSize(1);
        assertThat(fake.calls("sendmessage")).extracting(ApiCall::status).containsExactly(429, 200);
        assertThat(fake.injectedFaultCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a user who blocked the bot makes sends answer 403, until they unblock it")
    void blockedUser() throws Exception {
        fake.block(ALICE_ID);

        TelegramApiRequestException error = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(ALICE_ID).text("Newsletter").build()));
        fake.unblock(ALICE_ID);

        assertThat(error.getErrorCode()).isEqualTo(403);
        assertThat(error.getApiResponse()).isEqualTo("Forbidden: bot was blocked by the user");
        assertThat(client.execute(SendMessage.builder().chatId(ALICE_ID).text("Newsletter").build())).isNotNull();
    }

    @Test
    @DisplayName("validation answers like Telegram: unknown chat, long text, bad HTML, oversized callback data")
    void validation() {
        assertThat(errorOf(SendMessage.builder().chatId(777L).text("hi").build()))
                .isEqualTo("400 Bad Request: chat not found");
        assertThat(errorOf(SendMessage.builder().chatId(ALICE_ID).text("x".repeat(4097)).build()))
                .isEqualTo("400 Bad Request: message is too long");
        assertThat(errorOf(SendMessage.builder().chatId(ALICE_ID).parseMode("HTML").text("1 < 2").build()))
                .isEqualTo("400 Bad Request: can't parse entities: Unsupported start tag \"\" at byte offset 2");
        assertThat(errorOf(SendMessage.builder().chatId(ALICE_ID).text("Pick")
                .replyMarkup(keyboard("Long", "x".repeat(65), "Short", "ok")).build()))
                .isEqualTo("400 Bad Request: BUTTON_DATA_INVALID");
        assertThat(fake.messages(ALICE_ID)).isEmpty();
    }

    @Test
    @DisplayName("sendDocument goes as multipart and is recorded with the file's name, size and caption")
    void multipartDocument() throws Exception {
        byte[] csv = "member,group\n42,housing\n".getBytes(StandardCharsets.UTF_8);

        Message sent = client.execute(SendDocument.builder().chatId(ALICE_ID)
                .document(new InputFile(new ByteArrayInputStream(csv), "members.csv"))
                .caption("Export of <b>members</b>").parseMode("HTML").build());

        assertThat(sent.getDocument().getFileName()).isEqualTo("members.csv");
        assertThat(sent.getCaption()).isEqualTo("Export of members");
        ApiCall call = fake.awaitCall("senddocument", WAIT);
        assertThat(call.uploads()).containsExactly(new ApiCall.Upload("document", "members.csv", csv.length));
        assertThat(call.chatId()).isEqualTo(ALICE_ID);
        assertThat(call.text()).isEqualTo("Export of <b>members</b>");
        assertThat(call.params().path("document").path("file_name").asText()).isEqualTo("members.csv");
    }

    @Test
    @DisplayName("with flood limits on, a second message to a private chat within a second answers 429")
    void floodLimits() throws Exception {
        fake.enforceLimits(30, 1, 20);

        client.execute(SendMessage.builder().chatId(ALICE_ID).text("one").build());
        TelegramApiRequestException error = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(ALICE_ID).text("two").build()));

        assertThat(error.getErrorCode()).isEqualTo(429);
        assertThat(error.getParameters().getRetryAfter()).isEqualTo(1);
        assertThat(fake.rateLimited429Count()).isEqualTo(1);
        assertThat(fake.injectedFaultCount()).isZero();
        assertThat(fake.messages(ALICE_ID)).extracting(FakeMessage::text).containsExactly("one");
    }

    @Test
    @DisplayName("with latency, the message exists at once but the answer comes later, as on a slow network")
    void latency() throws Exception {
        fake.latency("sendMessage", Duration.ofMillis(500));

        CompletableFuture<Message> answer = client.executeAsync(
                SendMessage.builder().chatId(ALICE_ID).text("slow").build());
        fake.awaitCall("sendmessage", WAIT);

        assertThat(fake.messages(ALICE_ID)).hasSize(1);
        assertThat(answer).isNotDone();
        assertThat(answer.get(5, TimeUnit.SECONDS).getText()).isEqualTo("slow");
    }

    @Test
    @DisplayName("awaitCall gives up at its deadline with a message listing the calls it saw")
    void awaitCallTimesOut() throws Exception {
        client.execute(new GetMe());

        assertThatThrownBy(() -> fake.awaitCall(c -> c.is("sendMessage"), Duration.ofMillis(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("within PT0.1S")
                .hasMessageContaining("getme {} -> 200");
    }

    private String errorOf(SendMessage method) {
        TelegramApiRequestException error = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(method));
        return error.getErrorCode() + " " + error.getApiResponse();
    }

    /** {@code count} buttons, two to a row. */
    private static InlineKeyboardMarkup buttons(int count) {
        List<InlineKeyboardRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                rows.add(new InlineKeyboardRow());
            }
            rows.get(rows.size() - 1).add(InlineKeyboardButton.builder().text("Member " + i).callbackData("m:" + i)
                    .build());
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }

    private static InlineKeyboardMarkup keyboard(String text1, String data1, String text2, String data2) {
        return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                InlineKeyboardButton.builder().text(text1).callbackData(data1).build(),
                InlineKeyboardButton.builder().text(text2).callbackData(data2).build())).build();
    }
}
