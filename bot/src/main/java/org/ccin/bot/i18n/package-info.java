/**
 * Every text a user sees, in English and Welsh, from the message bundles in {@code i18n/messages*.properties};
 * and the choice of a person's language.
 */
package org.ccin.bot.i18n;
