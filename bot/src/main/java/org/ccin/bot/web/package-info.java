/**
 * The embedded Javalin web server: /health, the webhook endpoint, and (as features add them) the web pages.
 */
package org.ccin.bot.web;
