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

    /** While making an event: who it is for (a newsletter topic's subscribers). */
    @ButtonCode("t")
    record Topic(String topic) implements StaffOnly {
    }

    /** While making an event: only members of this membership category (tapped again: all categories). */
    @ButtonCode("tc")
    record ToggleCategory(String code) implements StaffOnly {
    }

    /** While making an event: only members of this region or nation (tapped again: all of them). */
    @ButtonCode("tr")
    record ToggleRegion(String code) implements StaffOnly {
    }

    /** While making an event: only members of this group, by its id (tapped again: all groups). */
    @ButtonCode("tg")
    record ToggleGroup(long group) implements StaffOnly {
    }

    /** While making an event: one list of toggles (groups, categories or regions), when the preview has too many. */
    @ButtonCode("nw")
    record Narrow(EventPreview.Narrowing list) implements StaffOnly {
    }

    /** While making an event: from a list of toggles back to the preview. */
    @ButtonCode("pv")
    record Preview() implements StaffOnly {
    }

    /** While making an event: announce it now. */
    @ButtonCode("go")
    record Announce() implements StaffOnly {
    }

    /** While making an event: throw the draft away. */
    @ButtonCode("no")
    record Discard() implements StaffOnly {
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

    /** Marks one member as there, or not there, in the tap list. */
    @ButtonCode("am")
    record Attended(long event, long member) implements StaffOnly {
    }
}
