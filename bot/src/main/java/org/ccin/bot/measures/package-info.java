/**
 * The strategy's measures in chat: questions such as "how many Policy Labs were there in 2023?" answered with the
 * figure first, and /measures listing every measure's latest figure against its target.
 */
package org.ccin.bot.measures;
