package org.ccin.bot.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccin.bot.routing.ButtonSetAssertions.assertRoundTrips;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.routing.CallbackData;
import org.ccin.store.events.Answer;
import org.junit.jupiter.api.Test;

/**
 * Every events button at its longest (ids at their largest, codes of 30 characters, a confirmation id as
 * Confirmations issues them) fits in Telegram's 64 bytes and reads back as itself; data already sent in chats still
 * reads as the same button (a draft's, sent before drafts had ids, as its undated twin); forged arguments read as no
 * button.
 */
class EventButtonTest {
    private static final long ID = Long.MAX_VALUE;
    private static final String CODE = "c".repeat(30);
    private static final String CONFIRMATION = "AbCdEfGhIjKlMn-_";
    /** A draft's id as EventDraft makes them: eight hex digits. */
    private static final String DRAFT = "ffffffff";

    @Test
    void everyButtonAtItsLongestFitsAndReadsBack() {
        List<EventButton> longest = new ArrayList<>(List.of(new EventButton.Open(ID),
                new EventButton.Ics(ID), new EventButton.Topic(DRAFT, "theme-" + CODE),
                new EventButton.ToggleGroup(DRAFT, ID), new EventButton.ToggleCategory(DRAFT, CODE),
                new EventButton.ToggleRegion(DRAFT, CODE), new EventButton.Preview(DRAFT),
                new EventButton.Announce(DRAFT), new EventButton.Discard(DRAFT),
                new EventButton.UndatedTopic("theme-" + CODE), new EventButton.UndatedGroup(ID),
                new EventButton.UndatedCategory(CODE), new EventButton.UndatedRegion(CODE),
                new EventButton.UndatedPreview(), new EventButton.UndatedAnnounce(), new EventButton.UndatedDiscard(),
                new EventButton.Cancel(ID),
                new EventButton.CancelConfirmed(ID, CONFIRMATION), new EventButton.Attendance(ID),
                new EventButton.Attended(ID, ID), new EventButton.AttendancePage(ID, Integer.MIN_VALUE),
                new EventButton.AttendedOnPage(ID, ID, Integer.MIN_VALUE), new EventButton.Change(ID),
                new EventButton.ChangeSave(DRAFT), new EventButton.ChangeDiscard(DRAFT)));
        for (Answer answer : Answer.values()) {
            longest.add(new EventButton.Reply(ID, answer));
        }
        for (EventPreview.Narrowing list : EventPreview.Narrowing.values()) {
            longest.add(new EventButton.Narrow(DRAFT, list));
            longest.add(new EventButton.UndatedNarrow(list));
        }
        assertRoundTrips(EventButton.SET, longest);
    }

    @Test
    void dataAlreadySentReadsAsTheSameButtons() {
        Map<String, EventButton> sent = Map.of("ev:o:12", new EventButton.Open(12), "ev:a:12:GOING",
                new EventButton.Reply(12, Answer.GOING), "ev:t:events", new EventButton.UndatedTopic("events"),
                "ev:tc:full", new EventButton.UndatedCategory("full"), "ev:tr:wales",
                new EventButton.UndatedRegion("wales"), "ev:go", new EventButton.UndatedAnnounce(), "ev:tg:7",
                new EventButton.UndatedGroup(7), "ev:nw:GROUPS", new EventButton.UndatedNarrow(
                        EventPreview.Narrowing.GROUPS), "ev:am:12:3", new EventButton.Attended(12, 3));
        sent.forEach((data, button) -> assertThat(read(data)).as(data).contains(button));
    }

    @Test
    void aDraftsButtonsCarryItsId() {
        Map<String, EventButton> sent = Map.of("ev:dgo:0a1b2c3d", new EventButton.Announce("0a1b2c3d"),
                "ev:dg:0a1b2c3d:7", new EventButton.ToggleGroup("0a1b2c3d", 7), "ev:dno:0a1b2c3d",
                new EventButton.Discard("0a1b2c3d"));
        sent.forEach((data, button) -> assertThat(read(data)).as(data).contains(button));
    }

    @Test
    void forgedArgumentsAreNoButton() {
        for (String forged : List.of("ev:tg:abc", "ev:tg:", "ev:nw:EVERYONE", "ev:a:12:SURELY", "ev:nope",
                "ev:dgo", "ev:dg:7", "ev:dg:0a1b2c3d:abc", "ev:dn:0a1b2c3d:EVERYONE", "ev:ap:12",
                "ev:ap:12:next", "ev:amp:12:3", "ev:amp:12:3:99999999999")) {
            assertThat(read(forged)).as(forged).isEmpty();
        }
    }

    private static Optional<EventButton> read(String data) {
        return CallbackData.parse(data).flatMap(EventButton.SET::read);
    }
}
