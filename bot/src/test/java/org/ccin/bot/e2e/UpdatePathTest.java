package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.telegram.LongPoller;
import org.ccin.bot.telegram.TelegramConnection;
import org.ccin.bot.telegram.TelegramHealth;
import org.ccin.bot.telegram.UpdateCodec;
import org.ccin.bot.telegram.UpdateIntake;
import org.ccin.config.BotConfig;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.inbox.InboxStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The path of an update: durable inbox, deduplication, restarts, failures, forged buttons. */
class UpdatePathTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser ada = bot.user(42, "Ada");

    @Test
    @DisplayName("A restart in the middle of registration resumes where it stopped")
    void restartMidRegistration() {
        bot.send(ada, "/start");
        bot.awaitText(42, "Which language");
        bot.tap(ada, "Cymraeg");
        bot.awaitText(42, "Teipiwch ei enw");

        bot.restart();
        bot.send(ada, "oldham");

        ApiCall matches = bot.awaitText(42, "Dyma beth ddes i o hyd iddo");
        assertThat(TestBot.buttons(matches)).contains("Oldham Council");
        bot.tap(ada, "Oldham Council");
        bot.awaitText(42, "Pa fath o aelod yw eich sefydliad?");
    }

    @Test
    @DisplayName("An update Telegram sends again after a restart (never confirmed) is handled once")
    void duplicateUpdateIsHandledOnce() {
        int update = bot.send(ada, "/whoami");
        bot.awaitText(42, "Your Telegram id");
        bot.stopApp();

        bot.telegram.redeliver(update);
        bot.startApp();
        Eventually.await("the redelivered update taken", () -> bot.telegram.pendingUpdateCount() == 0);
        bot.send(ada, "/help");
        bot.awaitText(42, "Here is what I can do for you.");

        assertThat(bot.telegram.calls("sendmessage").stream().filter(c -> c.text().contains("Your Telegram id")))
                .hasSize(1);
        Eventually.await("the update recorded as done", () -> bot.store().inbox().status(update) == InboxStatus.DONE);
    }

    @Test
    @DisplayName("Updates stored but not handled when the process died are handled after the restart")
    void storedButUnhandledUpdatesSurvive() throws Exception {
        bot.stopApp();
        // a process that only took updates in and died before handling them
        BotConfig config = bot.config();
        Store store = new Store(Database.open(config.database().path()), bot.clock, Duration.ofHours(1));
        UpdateIntake intake = new UpdateIntake(new UpdateCodec(), UpdateIntake.QuarantineListener.NONE);
        try (TelegramConnection connection = new TelegramConnection(config.telegram(), config.sending(),
                new TelegramHealth(bot.clock))) {
            LongPoller receiver = new LongPoller(connection, store.inbox(), intake, () -> { },
                    new TelegramHealth(bot.clock), 1);
            receiver.start();
            bot.send(ada, "/whoami");
            bot.send(bot.user(43, "Bo"), "/whoami");
            Eventually.await("both updates stored", () -> store.inbox().countPending() == 2);
            receiver.close();
        }
        assertThat(bot.telegram.calls("sendmessage")).isEmpty();

        bot.startApp();

        bot.telegram.awaitCalls(c -> c.is("sendmessage") && c.text().contains("Your Telegram id"), 2, TestBot.WAIT);
        Eventually.await("no update left pending", () -> bot.store().inbox().countPending() == 0);
    }

    @Test
    @DisplayName("A handler that fails gets an apology, is recorded as failed, and the next update is handled")
    void failureDoesNotStopTheNext() {
        bot.send(ada, "/start");
        bot.awaitText(42, "Which language");
        // the conversation's stored state is corrupt at a step that reads typed text: its handler fails
        bot.store().database().jdbi().useHandle(h -> h.execute(
                "UPDATE conversations SET step = 'ORGANISATION', state = 'not json'"));

        int failing = bot.send(ada, "hello");
        bot.awaitText(42, "Sorry, something went wrong on my side.");
        bot.send(ada, "/cancel");

        bot.awaitText(42, "Stopped.");
        Eventually.await("the failed update recorded", () -> bot.store().inbox().status(failing) == InboxStatus.FAILED);
    }

    @Test
    @DisplayName("Forged and unknown button data is refused politely and changes nothing")
    void forgedCallbacks() {
        bot.send(ada, "/language");
        ApiCall question = bot.awaitText(42, "Which language would you like me to use?");
        int messageId = bot.telegram.lastBotMessage(42).orElseThrow().messageId();

        for (String forged : new String[] {"lang:set:fr", "nonsense", "reg:lang:1:cy", "prof:edit:password",
                "x".repeat(70), "lang:set:cy:'; DROP TABLE members; --"}) {
            bot.forge(ada, 42, messageId, forged);
            ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery"));
            assertThat(answer.params().path("text").asText()).as(forged)
                    .containsAnyOf("can't do anything with that button", "out of date", "registered members");
            assertThat(answer.params().path("show_alert").asBoolean()).isTrue();
        }
        assertThat(question.buttons()).isNotEmpty();
        assertThat(bot.store().members().findByTelegramId(42).orElseThrow().language()).isEqualTo("en");
    }

    @Test
    @DisplayName("/language switches the texts to Welsh and back")
    void language() {
        bot.send(ada, "/language");
        bot.awaitText(42, "Which language");
        bot.tap(ada, "Cymraeg");
        bot.awaitText(42, "byddaf yn siarad Cymraeg");

        bot.send(ada, "/help");

        bot.awaitText(42, "Dyma beth alla i ei wneud i chi.");
        bot.send(ada, "qwxz");
        bot.awaitText(42, "Does dim astudiaeth achos yn cyfateb i “qwxz”");
    }

    @Test
    @DisplayName("A Welsh Telegram app gets Welsh from the first message")
    void welshClient() {
        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(77, "Dafydd").withLanguage("cy"));

        bot.send(dafydd, "/start");

        bot.awaitText(77, "Helo Dafydd!");
    }

    @Test
    @DisplayName("/help differs for staff; /whoami shows the roles")
    void helpForStaff() {
        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

        bot.send(ada, "/help");
        ApiCall memberHelp = bot.awaitText(42, "Here is what I can do");
        bot.send(staff, "/whoami");
        ApiCall whoami = bot.awaitText(TestBot.STAFF_ID, "Your roles");

        assertThat(memberHelp.text()).contains("/start").contains("/language").doesNotContain("For staff")
                .contains("not registered yet");
        assertThat(whoami.text()).contains("Staff").contains("<code>900</code>");
    }

    @Test
    @DisplayName("Anything not understood gets a short, helpful answer; unknown commands too")
    void notUnderstood() {
        bot.send(ada, "qwxz vbnm");
        bot.awaitText(42, "Try fewer or simpler words");
        bot.send(ada, "/frobnicate");
        bot.awaitText(42, "I don't know the command /frobnicate");
        bot.send(ada, "/profile");
        bot.awaitText(42, "That is for registered members. Send /start to register");
    }

    @Test
    @DisplayName("The command menu is registered per language and scope, and not again when unchanged")
    void commandMenu() {
        bot.telegram.awaitCalls(c -> c.is("setmycommands"), 6, TestBot.WAIT);

        assertThat(bot.telegram.myCommands("all_private_chats", "")).extracting(c -> c.command())
                .contains("start", "help", "profile", "language", "whoami", "cancel");
        assertThat(bot.telegram.myCommands("all_private_chats", "cy")).extracting(c -> c.description())
                .contains("Dechrau, neu gofrestru gyda'r rhwydwaith");
        assertThat(bot.telegram.myCommands("all_group_chats", "")).extracting(c -> c.command()).contains("help");
        assertThat(bot.telegram.myCommands(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("type", "chat").put("chat_id", "900"), "")).isNotEmpty();
        int before = bot.telegram.calls("setmycommands").size();

        bot.restart();
        bot.send(ada, "/help");
        bot.awaitText(42, "Here is what I can do");

        assertThat(bot.telegram.calls("setmycommands")).hasSize(before);
    }
}
