/**
 * Messages that must arrive once even across crashes (reminders, newsletters): they wait in the durable outbox and
 * an {@link org.ccin.bot.delivery.OutboxDispatcher} feeds them to the Sender's reminder and broadcast lanes.
 */
package org.ccin.bot.delivery;
