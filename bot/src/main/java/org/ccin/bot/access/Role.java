package org.ccin.bot.access;

/** What someone may do. Everyone may use the public commands; the rest needs a role. */
public enum Role {
    /** Anyone who writes to the bot, registered or not. */
    EVERYONE,
    /** Registered: has completed /start. */
    MEMBER,
    /** Linked to an action of the plan as its lead. */
    LEAD,
    /** Moderates at least one of the network's groups. */
    MODERATOR,
    /** Named by staff to review a Policy Lab or Prototype round (staff review every round). */
    REVIEWER,
    /** The network's staff, listed by Telegram user id in the configuration. */
    STAFF
}
