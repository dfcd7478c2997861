/**
 * Joining the bot: /start greets a person and walks them through registration (language, organisation, membership
 * category, role, region) with buttons; /profile shows the answers and changes one of them.
 */
package org.ccin.bot.onboarding;
