package org.ccin.bot.web;

import org.ccin.bot.i18n.Texts;

/**
 * The words of a web page's template, from the message bundles in the reader's language, as plain text: the
 * template engine escapes them like any other value, so no text or value needs to be trusted as HTML.
 */
public final class Words {
    private final Texts texts;

    public Words(Texts texts) {
        this.texts = texts;
    }

    /** The text for a key, placeholders filled from name/value pairs (plural forms chosen by numbers). */
    public String t(String key, Object... namesAndValues) {
        return texts.plain(key, namesAndValues);
    }

    /** The language's code, for {@code lang} attributes and links: en, cy. */
    public String lang() {
        return texts.language().code();
    }

    public Texts texts() {
        return texts;
    }
}
