package org.ccin.bot.e2e;

import org.ccin.bot.fakeapi.AdminRights;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;

/**
 * What staff and members do with the network's Telegram groups, step by step as people do it, for the tests that
 * need a group, a member in it or new rules before they come to what they test.
 */
final class GroupSteps {
    private GroupSteps() {
    }

    /**
     * A supergroup in Telegram where staff (and these moderators) are administrators, the bot is added and staff send
     * {@code /registergroup code}: it is the network's group of that code.
     */
    static void open(TestBot bot, FakeUser staff, long chat, String title, String code, FakeUser... moderators) {
        bot.telegram.addSupergroup(chat, title);
        bot.telegram.promote(chat, staff, AdminRights.all());
        for (FakeUser moderator : moderators) {
            bot.telegram.promote(chat, moderator, AdminRights.all());
        }
        bot.act(() -> bot.telegram.groupMessage(staff, chat, "/registergroup " + code));
        bot.awaitReply(chat, c -> c.text().contains("This chat is now the network's group"));
    }

    /** A registered member asks to join the group, is shown its rules, accepts them and is let in. */
    static void joinAcceptingRules(TestBot bot, FakeUser member, long chat) {
        bot.act(() -> bot.telegram.chatJoinRequest(member, chat));
        bot.awaitText(member.id(), "Please read the rules");
        bot.tap(member, "I accept the rules");
        bot.awaitText(member.id(), "You're in");
    }

    /**
     * Staff write new rules for the whole network with {@code /editrules}, the same in Welsh, up to the preview:
     * its message, with the buttons to publish (one for each grace period) or discard.
     */
    static ApiCall previewNetworkRules(TestBot bot, FakeUser staff, String text) {
        bot.send(staff, "/editrules");
        bot.awaitText(staff.id(), "Which rules");
        bot.tap(staff, "The network's rules");
        bot.awaitText(staff.id(), "Send the new text in English");
        bot.send(staff, text);
        bot.awaitText(staff.id(), "Welsh");
        bot.send(staff, "same");
        return bot.awaitText(staff.id(), "Preview");
    }
}
