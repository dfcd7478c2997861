/** Action leads linked to members, their progress answers, and the reminder slots already handled. */
package org.ccin.store.reminders;
