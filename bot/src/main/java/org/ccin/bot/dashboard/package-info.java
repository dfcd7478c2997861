/**
 * The web pages: the action plan as a traffic-light board ({@code /plan}), and the staff dashboard with its one-time
 * login links (/dashboard in the bot) and charts drawn by the bot itself.
 */
package org.ccin.bot.dashboard;
