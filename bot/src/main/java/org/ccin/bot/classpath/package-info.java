/**
 * What the bot finds among its own packaged files: the feature classes and the message bundles, so that adding
 * either is adding files, not editing a list.
 */
package org.ccin.bot.classpath;
