package org.ccin.store.plan;

import java.time.LocalDate;

/** A run of whole days, both ends included: "due between 1 September and 30 November 2024". */
public record DateRange(LocalDate from, LocalDate to) {
    public DateRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a range ends after it starts: " + from + " to " + to);
        }
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
