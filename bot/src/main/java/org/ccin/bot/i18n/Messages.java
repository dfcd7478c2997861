package org.ccin.bot.i18n;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The message bundles. A text may hold named placeholders like {name}; values are HTML-escaped when filled in,
 * because every message is sent with HTML formatting and values come from people and data.
 *
 * <p>Placeholders are named rather than numbered, and MessageFormat is not used, because its quoting rules
 * would eat the apostrophes that Welsh and English texts are full of. Thread-safe.
 */
public final class Messages {
    private static final String BUNDLE = "i18n.messages";

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);

    public Messages() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        bundles.put(Language.EN, ResourceBundle.getBundle(BUNDLE, Locale.ROOT, noFallback));
        bundles.put(Language.CY, ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("cy"), noFallback));
    }

    /** The texts of one language. */
    public Texts in(Language language) {
        return new Texts(this, language);
    }

    String raw(Language language, String key) {
        try {
            return bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            if (language != Language.EN) {
                return raw(Language.EN, key);
            }
            throw new IllegalArgumentException("no text with key " + key, e);
        }
    }
}
