package org.ccin.bot.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages the bot speaks. Codes are those Telegram uses in language_code. */
public enum Language {
    EN("en"), CY("cy");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Welsh's locale, built once: every date a page words asks for it. */
    private static final Locale WELSH = Locale.forLanguageTag("cy");

    /** The locale of dates and numbers in this language (British English for English). */
    public Locale locale() {
        return this == CY ? WELSH : Locale.UK;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String base = code.toLowerCase(Locale.ROOT).split("[-_]")[0];
        for (Language language : values()) {
            if (language.code.equals(base)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language for someone new: their Telegram app's language when we speak it, else the default. */
    public static Language firstDefault(String telegramLanguageCode, Language fallback) {
        return fromCode(telegramLanguageCode).orElse(fallback);
    }
}
