package org.ccin.bot.labs;

/** The application a reviewer is writing a comment on, or staff a decision's amount or reason for. */
record ReviewState(long applicationId) {
}
