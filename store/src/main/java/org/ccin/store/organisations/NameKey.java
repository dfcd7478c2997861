package org.ccin.store.organisations;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The identity of an organisation's name: lower case, accents and punctuation removed, spaces folded, and
 * "&" read as "and", so that "Royal Borough of Kensington & Chelsea" and "royal borough of kensington and chelsea"
 * are one organisation.
 */
public final class NameKey {
    private NameKey() {
    }

    public static String of(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        text = text.toLowerCase(Locale.ROOT).replace("&", " and ");
        text = text.replaceAll("[^\\p{L}\\p{N}]+", " ");
        return text.trim().replaceAll("\\s+", " ");
    }
}
