package org.ccin.bot.newsletters;

import java.time.Instant;
import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/**
 * The buttons of the staff desk (/newsletter), its cards and reports. The codes are those the desk always wrote:
 * buttons already sent in chats keep working. Every button but {@link Desk} and {@link New} names a newsletter.
 */
sealed interface DeskButton {
    ButtonSet<DeskButton> SET = ButtonSet.of("nl", DeskButton.class);

    /** The desk itself. */
    @ButtonCode("desk")
    record Desk() implements DeskButton {
    }

    /** Write a new newsletter. */
    @ButtonCode("new")
    record New() implements DeskButton {
    }

    /** A button about one newsletter, by its id. */
    sealed interface OfNewsletter extends DeskButton {
        long id();
    }

    @ButtonCode("o")
    record Open(long id) implements OfNewsletter {
    }

    @ButtonCode("rf")
    record Refresh(long id) implements OfNewsletter {
    }

    @ButtonCode("pv")
    record Preview(long id) implements OfNewsletter {
    }

    @ButtonCode("au")
    record Audience(long id) implements OfNewsletter {
    }

    @ButtonCode("ag")
    record ListGroups(long id) implements OfNewsletter {
    }

    @ButtonCode("ac")
    record ListCategories(long id) implements OfNewsletter {
    }

    @ButtonCode("ar")
    record ListRegions(long id) implements OfNewsletter {
    }

    /** The audience's topic (its code). */
    @ButtonCode("tp")
    record Topic(long id, String topic) implements OfNewsletter {
    }

    /** Adds or takes away one group (by its id) of the audience. */
    @ButtonCode("g")
    record ToggleGroup(long id, long group) implements OfNewsletter {
    }

    /** Adds or takes away one membership category (by its code). */
    @ButtonCode("c")
    record ToggleCategory(long id, String category) implements OfNewsletter {
    }

    /** Adds or takes away one region (by its code). */
    @ButtonCode("r")
    record ToggleRegion(long id, String region) implements OfNewsletter {
    }

    @ButtonCode("et")
    record EditText(long id) implements OfNewsletter {
    }

    @ButtonCode("eb")
    record EditLinks(long id) implements OfNewsletter {
    }

    /** "No link buttons", instead of typing them. */
    @ButtonCode("nob")
    record NoLinks(long id) implements OfNewsletter {
    }

    /** Keep the draft for later. */
    @ButtonCode("keep")
    record Keep(long id) implements OfNewsletter {
    }

    /** Asks to confirm deleting the draft. */
    @ButtonCode("dl")
    record Delete(long id) implements OfNewsletter {
    }

    /** "Yes, delete": with the one-time id of that one request (see {@link DeskConfirmations}). */
    @ButtonCode("dly")
    record DeleteConfirmed(long id, String confirmation) implements OfNewsletter {
    }

    /** Asks to confirm sending now. */
    @ButtonCode("s")
    record Send(long id) implements OfNewsletter {
    }

    /**
     * "Yes, send now": with the one-time id of that one request, bound to the draft as it was shown (see
     * {@link DeskConfirmations}); a second tap, or a tap after the draft changed, sends nothing.
     */
    @ButtonCode("go")
    record SendConfirmed(long id, String confirmation) implements OfNewsletter {
    }

    /** Asks for the time to send it. */
    @ButtonCode("sc")
    record Schedule(long id) implements OfNewsletter {
    }

    /**
     * "Yes, schedule it" for the time typed (seconds since the epoch), with the one-time id of that one request,
     * bound to the draft as it was shown and to that time (see {@link DeskConfirmations}).
     */
    @ButtonCode("sco")
    record ScheduleConfirmed(long id, long at, String confirmation) implements OfNewsletter {
        public ScheduleConfirmed {
            // a forged time beyond what an Instant holds is no button of ours
            if (at < 0 || at > Instant.MAX.getEpochSecond()) {
                throw new IllegalArgumentException("not a time: " + at);
            }
        }
    }

    @ButtonCode("un")
    record Unschedule(long id) implements OfNewsletter {
    }

    @ButtonCode("pa")
    record Pause(long id) implements OfNewsletter {
    }

    @ButtonCode("re")
    record Resume(long id) implements OfNewsletter {
    }

    /** Asks to confirm stopping a newsletter that is going out. */
    @ButtonCode("ca")
    record Cancel(long id) implements OfNewsletter {
    }

    /** "Yes, stop it": with the one-time id of that one request (see {@link DeskConfirmations}). */
    @ButtonCode("cay")
    record CancelConfirmed(long id, String confirmation) implements OfNewsletter {
    }
}
