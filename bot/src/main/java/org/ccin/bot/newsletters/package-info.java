/**
 * Newsletters: members subscribe to topics with their consent recorded and leave in one tap; staff compose, choose
 * the audience, preview, and send now or at a time; delivery goes through the outbox at Telegram's limits, with a
 * live report, pause, resume and cancel.
 */
package org.ccin.bot.newsletters;
