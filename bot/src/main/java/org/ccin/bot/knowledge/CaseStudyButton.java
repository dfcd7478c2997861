package org.ccin.bot.knowledge;

import org.ccin.bot.routing.ButtonCode;
import org.ccin.bot.routing.ButtonSet;

/**
 * The buttons of the library's results. Each names a saved search, which must be the tapping person's own: the
 * handler looks it up with them before doing anything.
 */
sealed interface CaseStudyButton {
    ButtonSet<CaseStudyButton> SET = ButtonSet.of("cs", CaseStudyButton.class);

    /** The saved search the button belongs to. */
    long search();

    /** A page of results. */
    @ButtonCode("page")
    record Page(long search, int page) implements CaseStudyButton {
    }

    /** A case study's card, opened from a page of results (to go back to). */
    @ButtonCode("open")
    record Open(long caseStudy, long search, int page) implements CaseStudyButton {
    }

    /** The topics to filter by. */
    @ButtonCode("ft")
    record ChooseTopic(long search) implements CaseStudyButton {
    }

    /** The regions to filter by. */
    @ButtonCode("fr")
    record ChooseRegion(long search) implements CaseStudyButton {
    }

    /** The kinds of case study to filter by. */
    @ButtonCode("fk")
    record ChooseKind(long search) implements CaseStudyButton {
    }

    /** Filter by this topic, region or kind (its code, or the kind's name). */
    @ButtonCode("set")
    record SetFilter(long search, Facet facet, String value) implements CaseStudyButton {
    }

    /** No filters. */
    @ButtonCode("clear")
    record Clear(long search) implements CaseStudyButton {
    }

    /**
     * What a filter is on. Lower case, a letter each, because that is how buttons already sent in chats carry it
     * ({@code cs:set:12:t:health}).
     */
    enum Facet {
        /** topic */
        t,
        /** region */
        r,
        /** kind of case study */
        k
    }
}
