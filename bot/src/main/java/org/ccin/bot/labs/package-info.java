/**
 * Policy Lab and Policy Prototype funding rounds in the chat: staff open and announce a round, members apply one
 * question at a time, staff and named reviewers score, comment and decide, a funded project becomes an action of
 * the plan; applications are exported for the governance papers and shown on a dashboard page.
 */
package org.ccin.bot.labs;
