package org.ccin.store.labs;

/** One reviewer's score (1–5) of an application against one criterion (its position in the round's list). */
public record Score(long reviewerId, int criterion, int score) {
}
