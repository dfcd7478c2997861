package org.ccin.bot.sandbox;

/** Someone to be in the sandbox: a Telegram user and what they are in the network. */
public record Persona(long id, String name, String role) {
}
