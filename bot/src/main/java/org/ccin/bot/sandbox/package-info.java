/**
 * The sandbox of the {@code demo} command: the real bot with the sample data in its own database, talking to the
 * in-process fake Bot API, and a web chat at {@code /sandbox} where one acts as a newcomer, a lead, a moderator or
 * staff. Only the demo registers these routes; a bot run with a token never serves them.
 */
package org.ccin.bot.sandbox;
