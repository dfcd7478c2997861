package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.groups.RulesVersion;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * /editrules' Discard carries a one-time id of the preview it is under: it throws away that draft, once; a Discard
 * left under an earlier preview, an old one without an id, or a forged one throws away nothing.
 */
class RulesDiscardTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

    /** Writes a draft of the network's rules up to its preview; the preview's message. */
    private FakeMessage preview(String text) {
        GroupSteps.previewNetworkRules(bot, staff, text);
        return bot.telegram.lastBotMessage(TestBot.STAFF_ID).orElseThrow();
    }

    /** The pop-up a forged tap is answered with (the answer to an earlier tap may still come after the tap). */
    private String alertAfter(FakeMessage message, String data) {
        bot.forge(staff, TestBot.STAFF_ID, message.messageId(), data);
        return bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("show_alert").orElse("").equals("true"))
                .param("text").orElse("");
    }

    private Optional<Conversation> draft() {
        return bot.store().conversations().find(TestBot.STAFF_ID, TestBot.STAFF_ID);
    }

    @Test
    @DisplayName("A stale, old or forged Discard keeps the draft; the preview's own Discard throws it away once")
    void discardOnlyItsOwnDraft() {
        Optional<Long> rulesBefore = bot.store().groups().rules().currentNetwork().map(RulesVersion::id);
        FakeMessage first = preview("Be kind.");
        String firstDiscard = first.callbackData("Discard");
        assertThat(firstDiscard).startsWith("rules:x:");
        FakeMessage second = preview("Be kind, and brief.");
        String secondDiscard = second.callbackData("Discard");
        assertThat(secondDiscard).isNotEqualTo(firstDiscard);

        // the Discard of the first preview, of a button without an id, and a made-up id: the second draft stays
        assertThat(alertAfter(first, firstDiscard)).contains("nothing was discarded");
        alertAfter(second, "rules:x");
        assertThat(alertAfter(second, "rules:x:AAAAAAAAAAAAAAAA")).contains("nothing was discarded");
        assertThat(draft()).map(Conversation::step).contains("preview");
        assertThat(draft().orElseThrow().state()).contains("Be kind, and brief.");

        bot.tap(staff, "Discard");
        bot.awaitText(TestBot.STAFF_ID, "Discarded");
        assertThat(draft()).isEmpty();

        // used once: tapped again after a new draft was started, it throws that one away neither
        bot.send(staff, "/editrules");
        bot.awaitText(TestBot.STAFF_ID, "Which rules");
        bot.tap(staff, "The network's rules");
        bot.awaitText(TestBot.STAFF_ID, "Send the new text in English");
        assertThat(alertAfter(second, secondDiscard)).contains("nothing was discarded");
        assertThat(draft()).map(Conversation::step).contains("en");
        assertThat(bot.store().groups().rules().currentNetwork().map(RulesVersion::id)).isEqualTo(rulesBefore);
    }

    @Test
    @DisplayName("A Discard from someone who is not staff is refused and keeps the draft")
    void discardByNonStaff() {
        FakeMessage preview = preview("Be kind.");
        FakeUser ada = bot.user(42, "Ada");
        bot.forge(ada, TestBot.STAFF_ID, preview.messageId(), preview.callbackData("Discard"));
        ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("show_alert").orElse("")
                .equals("true"));
        assertThat(answer.param("text").orElse("")).contains("staff");
        assertThat(draft()).map(Conversation::step).contains("preview");
    }
}
