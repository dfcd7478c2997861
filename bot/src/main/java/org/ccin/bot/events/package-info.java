/** The network's events: /events lists what is coming. */
package org.ccin.bot.events;
