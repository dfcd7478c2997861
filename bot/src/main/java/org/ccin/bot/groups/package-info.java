/**
 * The network's Telegram groups: the catalogue (/groups), joining behind the rules of engagement (from the bot or
 * a group's link), leaving, welcomes, /rules and /report in groups, moderation, and staff's registration of groups,
 * rules editing, verification and organisations leaving the network.
 */
package org.ccin.bot.groups;
