/**
 * Asking the network: the action plan (/actions, action codes, plain-word and structured questions) and the
 * case-study library (/casestudies, any typed question, filters, inline mode), with the network's synonyms.
 */
package org.ccin.bot.knowledge;
