/**
 * From an update to the feature that handles it: commands, callback buttons (a small typed codec, re-authorised on
 * every tap), conversations kept in the database, and the fallback that answers anything not understood.
 */
package org.ccin.bot.routing;
