package org.ccin.config;

import java.net.URI;
import java.util.Optional;

/**
 * How the bot reaches the Bot API.
 *
 * @param token the bot token from @BotFather; absent only for commands that do not talk to Telegram
 * @param apiUrl the Bot API server: the public one, a self-hosted one, or a local fake
 * @param mode polling or webhook
 * @param pollTimeoutSeconds how long one getUpdates call waits for updates (long polling)
 * @param webhookUrl the public HTTPS address Telegram posts updates to (webhook mode)
 * @param webhookSecret the secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (webhook mode)
 * @param webhookPath the local path segment: the bot serves POST /telegram/{webhookPath}
 * @param webhookMaxBodyBytes larger update bodies are refused with 413
 */
public record TelegramSettings(
        Optional<String> token,
        URI apiUrl,
        Mode mode,
        int pollTimeoutSeconds,
        Optional<URI> webhookUrl,
        Optional<String> webhookSecret,
        String webhookPath,
        int webhookMaxBodyBytes) {

    public static final String TOKEN_ENV = "CCIN_BOT_TOKEN";

    /** The token, or a one-line explanation of what to set. */
    public String requireToken() {
        return token.orElseThrow(() -> new ConfigException(TOKEN_ENV + " is not set: create a bot with @BotFather "
                + "in Telegram and start with " + TOKEN_ENV + "=<token> (or set telegram.token in the config file)"));
    }

    /** Never prints the token or the secret. */
    @Override
    public String toString() {
        return "TelegramSettings[token=" + (token.isPresent() ? "***" : "<not set>") + ", apiUrl=" + apiUrl
                + ", mode=" + mode + ", pollTimeoutSeconds=" + pollTimeoutSeconds + ", webhookUrl="
                + webhookUrl.map(URI::toString).orElse("<not set>") + ", webhookSecret="
                + (webhookSecret.isPresent() ? "***" : "<not set>") + ", webhookPath=" + webhookPath
                + ", webhookMaxBodyBytes=" + webhookMaxBodyBytes + "]";
    }
}
