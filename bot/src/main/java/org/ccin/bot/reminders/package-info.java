/**
 * Milestone reminders to action leads, and their progress back: staff link leads (/leads), leads see their
 * actions (/myactions) and answer reminders with buttons; staff hear of At risk, Blocked, "Not me", unanswered
 * reminders and blocked bots, and get a weekly digest.
 */
package org.ccin.bot.reminders;
