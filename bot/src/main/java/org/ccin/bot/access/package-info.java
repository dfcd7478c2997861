/**
 * Who someone is to the bot (member, lead, moderator, staff), decided on the server for every update; features
 * add their own sources of roles (e.g. action leads, group moderators).
 */
package org.ccin.bot.access;
