/**
 * The network's events: /events and the answer buttons, /newevent and /attendance for staff, the reminders and the
 * online link before the start, the .ics files and calendar feeds, and the dashboard's events page.
 */
package org.ccin.bot.events;
