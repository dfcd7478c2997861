/**
 * The web pages: the action plan as a traffic-light board ({@code /plan}), and the staff dashboard with its one-time
 * login links (/dashboard in the bot): sections of charts drawn by Chart.js (served by the bot from its webjar) over
 * data tables and CSV downloads, rendered by jte templates (src/main/jte).
 */
package org.ccin.bot.dashboard;
