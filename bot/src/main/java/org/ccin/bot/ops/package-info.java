/** Running the bot for years: Prometheus metrics at /metrics and the nightly backup. */
package org.ccin.bot.ops;
