package org.ccin.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How updates reach the bot. */
public enum Mode {
    /** The bot asks Telegram for updates (getUpdates); works behind any firewall. */
    POLLING,
    /** Telegram posts updates to the bot's web server; needs a public HTTPS address. */
    WEBHOOK;

    static Mode parse(String text) {
        for (Mode mode : values()) {
            if (mode.name().equalsIgnoreCase(text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a mode; use one of "
                + Arrays.stream(values()).map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" | ")));
    }
}
