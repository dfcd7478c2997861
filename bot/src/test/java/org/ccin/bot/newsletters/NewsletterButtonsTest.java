package org.ccin.bot.newsletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccin.bot.routing.ButtonSetAssertions.assertRoundTrips;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.ccin.bot.routing.ButtonSet;

import org.ccin.bot.routing.CallbackData;
import org.junit.jupiter.api.Test;

/**
 * Every newsletter button at its longest (ids at their largest, codes of 30 characters, a confirmation id as
 * Confirmations issues them) fits in Telegram's 64 bytes and reads back as itself; the data buttons already sent
 * in chats carry still reads as the same button.
 */
class NewsletterButtonsTest {
    private static final long ID = Long.MAX_VALUE;
    private static final String CODE = "c".repeat(30);
    private static final String CONFIRMATION = "AbCdEfGhIjKlMn-_";

    @Test
    void everyDeskButtonAtItsLongestFitsAndReadsBack() {
        List<DeskButton> longest = List.of(new DeskButton.Desk(), new DeskButton.New(), new DeskButton.Open(ID),
                new DeskButton.Refresh(ID), new DeskButton.Preview(ID), new DeskButton.Audience(ID),
                new DeskButton.ListGroups(ID), new DeskButton.ListCategories(ID), new DeskButton.ListRegions(ID),
                new DeskButton.Topic(ID, CODE), new DeskButton.ToggleGroup(ID, ID),
                new DeskButton.ToggleCategory(ID, CODE), new DeskButton.ToggleRegion(ID, CODE),
                new DeskButton.EditText(ID), new DeskButton.EditLinks(ID), new DeskButton.NoLinks(ID),
                new DeskButton.Keep(ID), new DeskButton.Delete(ID), new DeskButton.DeleteConfirmed(ID, CONFIRMATION),
                new DeskButton.Send(ID), new DeskButton.SendConfirmed(ID, CONFIRMATION), new DeskButton.Schedule(ID),
                new DeskButton.ScheduleConfirmed(ID, Instant.MAX.getEpochSecond(), CONFIRMATION), new DeskButton.Unschedule(ID),
                new DeskButton.Pause(ID), new DeskButton.Resume(ID), new DeskButton.Cancel(ID),
                new DeskButton.CancelConfirmed(ID, CONFIRMATION));
        assertRoundTrips(DeskButton.SET, longest);
    }

    @Test
    void everyReaderSubscriptionAndArchiveButtonFitsAndReadsBack() {
        assertRoundTrips(ReaderButton.SET, List.of(new ReaderButton.Useful(ID),
                new ReaderButton.Unsubscribe(ID), new ReaderButton.UnsubscribeAll(ID)));
        assertRoundTrips(SubscriptionButton.SET, List.of(new SubscriptionButton.Menu(),
                new SubscriptionButton.Toggle(CODE), new SubscriptionButton.StopAll(),
                new SubscriptionButton.Finish()));
        assertRoundTrips(ArchiveButton.SET, List.of(new ArchiveButton.Open(ID)));
    }

    @Test
    void dataWrittenBeforeTheButtonsWereTypedReadsAsTheSameButtons() {
        Map<String, Object> sent = Map.of("nl:o:12", new DeskButton.Open(12), "nl:tp:12:events",
                new DeskButton.Topic(12, "events"), "nl:g:12:3", new DeskButton.ToggleGroup(12, 3),
                "nl:desk",
                new DeskButton.Desk(), "nls:m", new SubscriptionButton.Menu(), "nls:t:monthly",
                new SubscriptionButton.Toggle("monthly"), "nlr:a:12", new ReaderButton.UnsubscribeAll(12),
                "nla:o:12", new ArchiveButton.Open(12));
        sent.forEach((data, button) -> assertThat(read(data)).as(data).isEqualTo(button));
    }

    @Test
    void aTimeNoInstantHoldsIsNoButton() {
        assertThat(CallbackData.parse("nl:sco:12:" + Long.MAX_VALUE + ":" + CONFIRMATION)
                .flatMap(DeskButton.SET::read)).isEmpty();
        assertThat(CallbackData.parse("nl:sco:12:-1:" + CONFIRMATION).flatMap(DeskButton.SET::read)).isEmpty();
    }

    @Test
    void aYesWithoutItsOneTimeIdIsNoButton() {
        // sent before the Yes carried one: such a button confirms nothing (it reads as out of date)
        for (String old : List.of("nl:go:12", "nl:sco:12:1900000000", "nl:dly:12", "nl:cay:12")) {
            assertThat(CallbackData.parse(old).flatMap(DeskButton.SET::read)).as(old).isEmpty();
        }
    }

    private static Object read(String data) {
        CallbackData parsed = CallbackData.parse(data).orElseThrow();
        for (ButtonSet<?> set : List.of(DeskButton.SET, SubscriptionButton.SET, ReaderButton.SET, ArchiveButton.SET)) {
            if (set.feature().equals(parsed.feature())) {
                return set.read(parsed).orElseThrow();
            }
        }
        throw new AssertionError("no set for " + data);
    }
}
