/** The network's events: their audience, members' answers, attendance, and the calendar feeds' secrets. */
package org.ccin.store.events;
