package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.fakeapi.FakeUser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conversations saved before flow state was a record (a newsletter's id as a number, "action:position", a
 * milestone's id) no longer read: each flow answers as for a stale conversation, ends it, and says what to do.
 */
class OldFlowStatesTest {
    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private final FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");

    private void oldRow(long userId, String flow, String step, String state) {
        bot.store().conversations().save(userId, userId, flow, step, state);
    }

    @Test
    @DisplayName("/leads' search for a member, saved as \"action:position\", asks staff to start again")
    void oldLeadSearch() {
        oldRow(staff.id(), "ldpick", "name", "12:0");
        bot.send(staff, "Ada");
        bot.awaitText(staff.id(), "I lost track of which lead you were choosing for");
        assertThat(bot.store().conversations().find(staff.id(), staff.id())).isEmpty();
    }

    @Test
    @DisplayName("A note, saved with the milestone's bare id, is not kept, and the lead is told")
    void oldNote() {
        FakeUser lee = bot.user(55, "Lee");
        oldRow(lee.id(), "remnote", "note", "7");
        bot.send(lee, "We met the board.");
        bot.awaitText(lee.id(), "didn't save the note");
        assertThat(bot.store().conversations().find(lee.id(), lee.id())).isEmpty();
    }

    @Test
    @DisplayName("A newsletter being written, saved with the draft's bare id, is answered as a draft gone")
    void oldCompose() {
        oldRow(staff.id(), "nlcompose", "buttons", "3");
        bot.send(staff, "CCIN website | https://www.councils.coop");
        bot.awaitText(staff.id(), "can't be changed any more");
        assertThat(bot.store().conversations().find(staff.id(), staff.id())).isEmpty();
    }
}
