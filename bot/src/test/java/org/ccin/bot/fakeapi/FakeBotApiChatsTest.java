package org.ccin.bot.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChat;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatAdministrators;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMemberCount;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.ChatInviteLink;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.chat.ChatFullInfo;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMemberAdministrator;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** Groups, buttons, join requests and the bot's settings, as the bot sees them through the real client. */
class FakeBotApiChatsTest {
    private static final long HOUSING = -1001234L;

    private FakeBotApi fake;
    private TelegramClients clients;
    private OkHttpTelegramClient client;
    private FakeUser alice;
    private FakeUser bob;

    @BeforeEach
    void startFake() {
        fake = FakeBotApi.builder().start();
        clients = new TelegramClients();
        client = clients.client(fake);
        alice = fake.addUser(FakeUser.of(42, "Alice"));
        bob = FakeUser.of(43, "Bob").withLanguage("cy");
        fake.addSupergroup(HOUSING, "Housing");
    }

    @AfterEach
    void stopFake() {
        fake.close();
        clients.close();
    }

    @Test
    @DisplayName("tapping a button sends the stored message and its data; a callback query is answered only once")
    void tapButtonAndAnswerOnce() throws Exception {
        // GIVEN
        Message menu = client.execute(SendMessage.builder().chatId(42L).text("Rules").replyMarkup(
                InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(
                        InlineKeyboardButton.builder().text("I accept").callbackData("rules:ok:3").build(),
                        InlineKeyboardButton.builder().text("Read them").url("https://example.org").build()))
                        .build()).build());

        // WHEN
        int id = fake.tapButton(alice, 42, menu.getMessageId(), "I accept");

        // THEN
        Update update = poll().get(0);
        assertThat(update.getUpdateId()).isEqualTo(id);
        assertThat(update.getCallbackQuery().getData()).isEqualTo("rules:ok:3");
        assertThat(update.getCallbackQuery().getFrom().getId()).isEqualTo(42L);
        assertThat(update.getCallbackQuery().getMessage().getMessageId()).isEqualTo(menu.getMessageId());
        assertThat(update.getCallbackQuery().getChatInstance()).isNotBlank();
        String queryId = update.getCallbackQuery().getId();
        assertThat(client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).text("Welcome").build()))
                .isTrue();
        TelegramApiRequestException second = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(queryId).build()));
        assertThat(second.getApiResponse()).startsWith("Bad Request: query is too old");
        assertThatThrownBy(() -> fake.tapButton(alice, 42, menu.getMessageId(), "Read them"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("has no callback_data");
        assertThatThrownBy(() -> fake.tapButton(alice, 42, menu.getMessageId(), "Nope"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("[[I accept, Read them]]");
    }

    @Test
    @DisplayName("a join request through the bot's invite link can be approved once; a second answer is refused")
    void joinRequestThroughInviteLink() throws Exception {
        ChatInviteLink link = client.execute(CreateChatInviteLink.builder().chatId(String.valueOf(HOUSING))
                .name("members").createsJoinRequest(true).build());
        ChatInviteLink other = client.execute(CreateChatInviteLink.builder().chatId(String.valueOf(HOUSING))
                .createsJoinRequest(true).build());

        fake.chatJoinRequest(bob, HOUSING, link.getInviteLink());

        Update update = poll().get(0);
        assertThat(link.getInviteLink()).startsWith("https://t.me/+").isNotEqualTo(other.getInviteLink());
        assertThat(update.getChatJoinRequest().getInviteLink().getName()).isEqualTo("members");
        assertThat(update.getChatJoinRequest().getUserChatId()).isEqualTo(43L);
        assertThat(fake.pendingJoinRequests(HOUSING)).containsExactly(43L);
        assertThat(client.execute(ApproveChatJoinRequest.builder().chatId(String.valueOf(HOUSING)).userId(43L)
                .build())).isTrue();
        assertThat(fake.memberStatus(HOUSING, 43)).isEqualTo(MemberStatus.MEMBER);
        TelegramApiRequestException again = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(DeclineChatJoinRequest.builder().chatId(String.valueOf(HOUSING)).userId(43L)
                        .build()));
        assertThat(again.getErrorCode()).isEqualTo(400);
        assertThat(again.getApiResponse()).isEqualTo("Bad Request: HIDE_REQUESTER_MISSING");
        assertThat(client.execute(SendMessage.builder().chatId(43L).text("Welcome to Housing").build()))
                .isNotNull();
    }

    @Test
    @DisplayName("the bot cannot start a private conversation with a member who never wrote to it")
    void cannotInitiateConversation() {
        fake.addMember(HOUSING, bob, MemberStatus.MEMBER);

        TelegramApiRequestException error = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(43L).text("Hello").build()));

        assertThat(error.getErrorCode()).isEqualTo(403);
        assertThat(error.getApiResponse()).isEqualTo("Forbidden: bot can't initiate conversation with a user");
    }

    @Test
    @DisplayName("getChat, getChatMemberCount and getChatAdministrators describe the group")
    void groupInfo() throws Exception {
        fake.addMember(HOUSING, alice, MemberStatus.CREATOR);
        fake.addMember(HOUSING, bob, MemberStatus.MEMBER);
        String chatId = String.valueOf(HOUSING);

        ChatFullInfo chat = client.execute(GetChat.builder().chatId(chatId).build());
        Integer count = client.execute(GetChatMemberCount.builder().chatId(chatId).build());
        List<ChatMember> admins = client.execute(GetChatAdministrators.builder().chatId(chatId).build());

        assertThat(chat.getTitle()).isEqualTo("Housing");
        assertThat(chat.getType()).isEqualTo("supergroup");
        assertThat(count).isEqualTo(3);
        assertThat(admins).extracting(ChatMember::getStatus).containsExactlyInAnyOrder("administrator", "creator");
    }

    @Test
    @DisplayName("getChatMember answers the bot's administrator rights, and lost rights refuse invite links")
    void botRights() throws Exception {
        ChatMember self = client.execute(GetChatMember.builder().chatId(String.valueOf(HOUSING))
                .userId(fake.botId()).build());
        fake.setBotMembership(HOUSING, MemberStatus.ADMINISTRATOR,
                AdminRights.all().without(AdminRights.Right.INVITE_USERS));

        TelegramApiRequestException refused = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(CreateChatInviteLink.builder().chatId(String.valueOf(HOUSING)).build()));

        assertThat(self).isInstanceOfSatisfying(ChatMemberAdministrator.class,
                admin -> assertThat(admin.getCanInviteUsers()).isTrue());
        assertThat(refused.getApiResponse()).isEqualTo("Bad Request: not enough rights to manage chat invite link");
    }

    @Test
    @DisplayName("a group that removed the bot answers 403; an upgraded group answers 400 with migrate_to_chat_id")
    void kickedAndMigrated() throws Exception {
        fake.setBotMembership(HOUSING, MemberStatus.KICKED, AdminRights.none());
        fake.addGroup(-55L, "Energy");
        List<Integer> ids = fake.migrateGroup(-55L, -1005555L, alice);

        TelegramApiRequestException kicked = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(HOUSING).text("hi").build()));
        TelegramApiRequestException upgraded = catchThrowableOfType(TelegramApiRequestException.class,
                () -> client.execute(SendMessage.builder().chatId(-55L).text("hi").build()));

        assertThat(kicked.getErrorCode()).isEqualTo(403);
        assertThat(kicked.getApiResponse()).isEqualTo("Forbidden: bot was kicked from the supergroup chat");
        assertThat(upgraded.getErrorCode()).isEqualTo(400);
        assertThat(upgraded.getParameters().getMigrateToChatId()).isEqualTo(-1005555L);
        List<Update> updates = poll();
        assertThat(updates).extracting(Update::getUpdateId).containsExactlyElementsOf(ids);
        assertThat(updates.get(0).getMessage().getMigrateToChatId()).isEqualTo(-1005555L);
        assertThat(updates.get(1).getMessage().getMigrateFromChatId()).isEqualTo(-55L);
        assertThat(client.execute(SendMessage.builder().chatId(-1005555L).text("hi").build())).isNotNull();
    }

    @Test
    @DisplayName("a forum topic message carries its thread id and the bot's reply stays in the topic")
    void forumTopic() throws Exception {
        fake.addForum(-1009L, "Regions");
        fake.topicMessage(bob, -1009L, 7, "/groups@ccin_test_bot");

        Message reply = client.execute(SendMessage.builder().chatId(-1009L).messageThreadId(7).text("Here").build());

        Update update = poll().get(0);
        assertThat(update.getMessage().getMessageThreadId()).isEqualTo(7);
        assertThat(update.getMessage().getIsTopicMessage()).isTrue();
        assertThat(update.getMessage().getEntities().get(0).getText()).isEqualTo("/groups@ccin_test_bot");
        assertThat(reply.getMessageThreadId()).isEqualTo(7);
        assertThat(fake.memberStatus(-1009L, 43)).isEqualTo(MemberStatus.MEMBER);
    }

    @Test
    @DisplayName("setMyCommands is kept per scope and language")
    void commandsPerScopeAndLanguage() throws Exception {
        client.execute(SetMyCommands.builder().command(new BotCommand("start", "Begin"))
                .scope(new BotCommandScopeAllPrivateChats()).languageCode("en").build());
        client.execute(SetMyCommands.builder().command(new BotCommand("dechrau", "Dechrau"))
                .scope(new BotCommandScopeAllPrivateChats()).languageCode("cy").build());

        assertThat(fake.myCommands("all_private_chats", "en")).containsExactly(new BotCommandEntry("start", "Begin"));
        assertThat(fake.myCommands("all_private_chats", "cy")).extracting(BotCommandEntry::command)
                .containsExactly("dechrau");
        assertThat(fake.myCommands()).isEmpty();
    }

    @Test
    @DisplayName("a method the fake does not implement answers 404, and form bodies are read like JSON ones")
    void unknownMethodAndFormBodies() throws Exception {
        assertThat(post("sendDice", "chat_id", "42")).isEqualTo("404 {\"ok\":false,\"error_code\":404,"
                + "\"description\":\"Not Found: method not found\"}");
        assertThat(post("SENDMESSAGE", "chat_id", "42", "text", "from a form")).startsWith("200 ");

        assertThat(fake.awaitCall("sendmessage", Duration.ofSeconds(1)).text()).isEqualTo("from a form");
        assertThat(fake.calls("senddice")).extracting(ApiCall::status).containsExactly(404);
    }

    @Test
    @DisplayName("random faults with one seed repeat the same answers, and no faulted send leaves a message")
    void randomFaultsRepeat() throws Exception {
        assertThat(statusesWithRandomFaults(7)).isEqualTo(statusesWithRandomFaults(7))
                .contains(200).containsAnyOf(429, 500, 502, 403);
        long delivered = fake.calls("sendmessage").stream().filter(ApiCall::ok).count();
        assertThat(fake.messages(42)).hasSize((int) delivered);
    }

    private List<Integer> statusesWithRandomFaults(long seed) {
        fake.randomFaults(seed, 0.2, 0.2, 0.2);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            try {
                client.execute(SendMessage.builder().chatId(42L).text("n" + i).build());
                statuses.add(200);
            } catch (TelegramApiRequestException e) {
                statuses.add(e.getErrorCode());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        fake.clearFaults();
        return statuses;
    }

    private String post(String method, String... nameValues) throws Exception {
        FormBody.Builder form = new FormBody.Builder();
        for (int i = 0; i < nameValues.length; i += 2) {
            form.add(nameValues[i], nameValues[i + 1]);
        }
        Request request = new Request.Builder().url(fake.url() + "/bot" + fake.token() + "/" + method)
                .post(form.build()).build();
        try (Response response = clients.http.newCall(request).execute()) {
            return response.code() + " " + response.body().string();
        }
    }

    private List<Update> poll() throws Exception {
        return client.execute(GetUpdates.builder().offset(0).timeout(0).build());
    }
}
