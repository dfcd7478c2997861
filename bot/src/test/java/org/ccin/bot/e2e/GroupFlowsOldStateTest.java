package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.conversations.Conversation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A conversation of the groups' flows saved by an older version, in a form that no longer reads (the bare group id
 * /groupsetup kept, or anything else): the flow answers as for an expired conversation, ends it, and changes nothing.
 */
class GroupFlowsOldStateTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

    @Test
    @DisplayName("/groupsetup's purpose kept as a bare id: the typed purpose is answered as expired")
    void groupSetupBareId() {
        bot.store().conversations().save(TestBot.STAFF_ID, TestBot.STAFF_ID, "groupsetup", "purpose", "1");
        bot.send(staff, "Officers working on housing");
        bot.awaitText(TestBot.STAFF_ID, "That step has expired");
        assertThat(bot.store().conversations().find(TestBot.STAFF_ID, TestBot.STAFF_ID)).isEmpty();
        assertThat(bot.store().groups().catalogue().all())
                .noneMatch(group -> group.purposeEn().contains("Officers working on housing"));
    }

    @Test
    @DisplayName("/editrules' draft that does not read: the typed text is answered as expired, nothing published")
    void editRulesUnreadableDraft() {
        bot.store().conversations().save(TestBot.STAFF_ID, TestBot.STAFF_ID, "rulesedit", "cy", "network|Be kind");
        bot.send(staff, "same");
        bot.awaitText(TestBot.STAFF_ID, "Send /editrules to start again");
        assertThat(bot.store().conversations().find(TestBot.STAFF_ID, TestBot.STAFF_ID)).isEmpty();
    }

    @Test
    @DisplayName("/groups' selection that does not read: its buttons are out of date")
    void catalogueUnreadableSelection() {
        FakeUser ada = bot.user(42, "Ada");
        bot.send(ada, "/groups");
        bot.awaitText(42, "The network's groups");
        int message = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        Conversation old = bot.store().conversations().save(42, 42, "groups", "pick", "[12, 13]");
        bot.forge(ada, 42, message, "grp:go:" + old.version());
        ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery"));
        assertThat(answer.param("show_alert")).contains("true");
        assertThat(answer.param("text").orElse("")).contains("out of date");
    }
}
