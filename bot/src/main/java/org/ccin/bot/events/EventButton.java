package org.ccin.bot.events;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;
import org.ccin.store.events.Answer;

/**
 * The buttons of events. Those of {@link StaffOnly} are refused to anyone who is not staff before any handler runs,
 * whatever the data says, because a modified client can send any button.
 */
sealed interface EventButton {
    ButtonSet<EventButton> SET = ButtonSet.of("ev", EventButton.class);

    /** A button only staff may use. */
    sealed interface StaffOnly extends EventButton {
    }

    /** Staff: change an announced event's time or place (asked one question at a time, then previewed). */
    @ButtonCode("ch")
    record Change(long event) implements StaffOnly {
    }

    /** Staff: save the change previewed, by the change's id, and tell those who answered. */
    @ButtonCode("chs")
    record ChangeSave(String change) implements StaffOnly {
    }

    /** Staff: throw the change previewed away, by the change's id. */
    @ButtonCode("chx")
    record ChangeDiscard(String change) implements StaffOnly {
    }

    /** Shows the event's card. */
    @ButtonCode("o")
    record Open(long event) implements EventButton {
    }

    /** Going, Maybe or Can't. */
    @ButtonCode("a")
    record Reply(long event, Answer answer) implements EventButton {
    }

    /** The event as an .ics file. */
    @ButtonCode("ics")
    record Ics(long event) implements EventButton {
    }

    /**
     * A button of one draft's audience question or preview, by the draft's id ({@link EventDraft#id()}): a button of
     * an older draft's messages, or a forged one, is seen to be out of date and changes nothing.
     */
    sealed interface OfDraft extends StaffOnly {
        String draft();
    }

    /** While making an event: who it is for (a newsletter topic's subscribers). */
    @ButtonCode("dt")
    record Topic(String draft, String topic) implements OfDraft {
    }

    /** While making an event: only members of this membership category (tapped again: all categories). */
    @ButtonCode("dc")
    record ToggleCategory(String draft, String code) implements OfDraft {
    }

    /** While making an event: only members of this region or nation (tapped again: all of them). */
    @ButtonCode("dr")
    record ToggleRegion(String draft, String code) implements OfDraft {
    }

    /** While making an event: only members of this group, by its id (tapped again: all groups). */
    @ButtonCode("dg")
    record ToggleGroup(String draft, long group) implements OfDraft {
    }

    /** While making an event: one list of toggles (groups, categories or regions), when the preview has too many. */
    @ButtonCode("dn")
    record Narrow(String draft, EventPreview.Narrowing list) implements OfDraft {
    }

    /** While making an event: from a list of toggles back to the preview. */
    @ButtonCode("dp")
    record Preview(String draft) implements OfDraft {
    }

    /** While making an event: announce it now. */
    @ButtonCode("dgo")
    record Announce(String draft) implements OfDraft {
    }

    /** While making an event: throw the draft away. */
    @ButtonCode("dno")
    record Discard(String draft) implements OfDraft {
    }

    /**
     * The same buttons as they were sent before drafts had ids, under their old codes, still in older chats: each
     * stands for its {@link OfDraft} button with no id, which acts only on a draft saved then (it has none either).
     */
    sealed interface Undated extends StaffOnly {
    }

    @ButtonCode("t")
    record UndatedTopic(String topic) implements Undated {
        Topic withoutId() {
            return new Topic(null, topic);
        }
    }

    @ButtonCode("tc")
    record UndatedCategory(String code) implements Undated {
        ToggleCategory withoutId() {
            return new ToggleCategory(null, code);
        }
    }

    @ButtonCode("tr")
    record UndatedRegion(String code) implements Undated {
        ToggleRegion withoutId() {
            return new ToggleRegion(null, code);
        }
    }

    @ButtonCode("tg")
    record UndatedGroup(long group) implements Undated {
        ToggleGroup withoutId() {
            return new ToggleGroup(null, group);
        }
    }

    @ButtonCode("nw")
    record UndatedNarrow(EventPreview.Narrowing list) implements Undated {
        Narrow withoutId() {
            return new Narrow(null, list);
        }
    }

    @ButtonCode("pv")
    record UndatedPreview() implements Undated {
        Preview withoutId() {
            return new Preview(null);
        }
    }

    @ButtonCode("go")
    record UndatedAnnounce() implements Undated {
        Announce withoutId() {
            return new Announce(null);
        }
    }

    @ButtonCode("no")
    record UndatedDiscard() implements Undated {
        Discard withoutId() {
            return new Discard(null);
        }
    }

    /** Asks whether to cancel the event. */
    @ButtonCode("x")
    record Cancel(long event) implements StaffOnly {
    }

    /** Cancels the event: carries the one-time id of that question, so an old or forged button cancels nothing. */
    @ButtonCode("xy")
    record CancelConfirmed(long event, String once) implements StaffOnly {
    }

    /** The tap list of who came. */
    @ButtonCode("at")
    record Attendance(long event) implements StaffOnly {
    }

    /**
     * Marks one member as there, or not there, in the tap list: as sent before the list had pages, still in older
     * chats; the list then shows the page that member is on.
     */
    @ButtonCode("am")
    record Attended(long event, long member) implements StaffOnly {
    }

    /** One page of the tap list, counted from 0 (Previous and Next). */
    @ButtonCode("ap")
    record AttendancePage(long event, int page) implements StaffOnly {
    }

    /** Marks one member as there, or not there, from a page of the tap list, which is shown again. */
    @ButtonCode("amp")
    record AttendedOnPage(long event, long member, int page) implements StaffOnly {
    }
}
