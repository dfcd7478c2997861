/**
 * Typed, immutable settings of the bot: one YAML file plus environment overrides, validated once at start.
 * Every other module receives a {@link org.ccin.config.BotConfig} through its constructors.
 */
package org.ccin.config;
