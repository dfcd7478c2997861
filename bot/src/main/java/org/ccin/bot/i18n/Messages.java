package org.ccin.bot.i18n;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The message bundles: one per feature ({@link #BUNDLES}), each in English and Welsh, so that a feature's texts
 * live beside each other. A text may hold named placeholders like {name}; values are HTML-escaped when filled in,
 * because every message is sent with HTML formatting and values come from people and data.
 *
 * <p>Placeholders are named rather than numbered, and MessageFormat is not used, because its quoting rules
 * would eat the apostrophes that Welsh and English texts are full of. Thread-safe.
 */
public final class Messages {
    /** The bundle files under i18n/, each with a Welsh twin named {@code <name>_cy.properties}. */
    public static final List<String> BUNDLES = List.of("messages", "knowledge", "groups", "reminders", "newsletters", "web", "privacy",
            "measures");

    private final Map<Language, List<ResourceBundle>> bundles = new EnumMap<>(Language.class);

    public Messages() {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            Locale locale = language == Language.EN ? Locale.ROOT : Locale.forLanguageTag(language.code());
            List<ResourceBundle> list = new ArrayList<>();
            for (String name : BUNDLES) {
                list.add(ResourceBundle.getBundle("i18n." + name, locale, noFallback));
            }
            bundles.put(language, list);
        }
    }

    /** The texts of one language. */
    public Texts in(Language language) {
        return new Texts(this, language);
    }

    Optional<String> find(Language language, String key) {
        for (ResourceBundle bundle : bundles.get(language)) {
            if (bundle.containsKey(key)) {
                return Optional.of(bundle.getString(key));
            }
        }
        return Optional.empty();
    }

    String raw(Language language, String key) {
        return find(language, key).orElseThrow(() -> new IllegalArgumentException("no text with key " + key));
    }
}
