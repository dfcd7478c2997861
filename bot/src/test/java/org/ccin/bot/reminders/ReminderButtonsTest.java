package org.ccin.bot.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccin.bot.routing.ButtonSetAssertions.assertRoundTrips;

import java.util.List;

import org.ccin.bot.routing.CallbackData;
import org.ccin.store.reminders.Answer;
import org.junit.jupiter.api.Test;

/**
 * Every reminders button at its longest fits in Telegram's 64 bytes and reads back as itself; reminders already
 * sent still read as the same answers; a claim token that cannot be one is no button.
 */
class ReminderButtonsTest {
    private static final long ID = Long.MAX_VALUE;

    @Test
    void everyButtonAtItsLongestFitsAndReadsBack() {
        assertRoundTrips(ReminderButton.SET, List.of(new ReminderButton.Complete(ID),
                new ReminderButton.OnTrack(ID), new ReminderButton.AtRisk(ID), new ReminderButton.Blocked(ID),
                new ReminderButton.Snooze(ID), new ReminderButton.NotMe(ID), new ReminderButton.Note(ID),
                new ReminderButton.Change(ID), new ReminderButton.Open(ID), new ReminderButton.NotMeForAction(ID)));
        assertRoundTrips(LeadsButton.SET, List.of(new LeadsButton.Pick(ID, Integer.MAX_VALUE),
                new LeadsButton.Claim(ID, Integer.MAX_VALUE), new LeadsButton.Link(ID, Integer.MAX_VALUE, ID),
                new LeadsButton.Unlink(ID), new LeadsButton.Mute(ID), new LeadsButton.Unmute(ID),
                new LeadsButton.RemindNow(ID)));
        String token = "t".repeat(40);
        assertRoundTrips(ClaimButton.SET, List.of(new ClaimButton.Yes(token),
                new ClaimButton.No(token)));
    }

    @Test
    void remindersAlreadySentReadAsTheSameAnswers() {
        List<String> codes = List.of("c", "t", "r", "b", "s", "x");
        List<Answer> answers = List.of(Answer.COMPLETE, Answer.ON_TRACK, Answer.AT_RISK, Answer.BLOCKED,
                Answer.SNOOZED, Answer.NOT_ME);
        for (int i = 0; i < codes.size(); i++) {
            ReminderButton read = CallbackData.parse("rem:" + codes.get(i) + ":7").flatMap(ReminderButton.SET::read)
                    .orElseThrow();
            assertThat(read).isInstanceOf(ReminderButton.Answering.class);
            assertThat(((ReminderButton.Answering) read).milestone()).isEqualTo(7);
            assertThat(((ReminderButton.Answering) read).answer()).isEqualTo(answers.get(i));
        }
        assertThat(CallbackData.parse("ld:link:3:1:99").flatMap(LeadsButton.SET::read))
                .contains(new LeadsButton.Link(3, 1, 99));
    }

    @Test
    void aTokenThatCannotBeOneIsNoButton() {
        for (String forged : List.of("lc:yes:short", "lc:yes:dots.and-dashes1", "lc:no:has_underscore00")) {
            assertThat(CallbackData.parse(forged).flatMap(ClaimButton.SET::read)).as(forged).isEmpty();
        }
    }
}
