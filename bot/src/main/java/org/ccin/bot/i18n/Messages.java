package org.ccin.bot.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.ccin.bot.classpath.PackagedFiles;

/**
 * The message bundles: one per feature ({@link #BUNDLES}), each in English and Welsh, so that a feature's texts
 * live beside each other. Texts are ICU MessageFormat patterns with named placeholders like {name} and plural
 * forms; values are HTML-escaped when filled in, because every message is sent with HTML formatting and values come
 * from people and data.
 *
 * <p>An apostrophe is always an apostrophe: Welsh and English texts are full of them (wedi'i, Telegram's), and
 * MessageFormat would read one before a brace as the start of a quoted part, so such apostrophes are doubled
 * before the pattern is compiled. Thread-safe.
 */
public final class Messages {
    private static final Pattern BUNDLE_FILE = Pattern.compile("i18n/[a-z]+\\.properties");
    /**
     * The bundle files under i18n/, each with a Welsh twin named {@code <name>_cy.properties}: the common one
     * ("messages") first, then every feature's, found among the packaged files so that a new feature's bundle needs
     * no list edited.
     */
    public static final List<String> BUNDLES = bundleNames();
    private static final Pattern APOSTROPHE_BEFORE_SYNTAX = Pattern.compile("'(?=[{}#|])");

    /** A compiled text: its format (a fresh copy for each use) and the placeholders that choose a plural form. */
    record Compiled(MessageFormat prototype, Set<String> choosers) {
        MessageFormat format() {
            return (MessageFormat) prototype.clone(); // a MessageFormat keeps state while formatting
        }
    }

    private final Map<Language, List<ResourceBundle>> bundles = new EnumMap<>(Language.class);
    private final Map<String, Compiled> compiled = new ConcurrentHashMap<>();

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

    private static List<String> bundleNames() {
        List<String> names = new ArrayList<>(List.of("messages"));
        for (String file : PackagedFiles.matching(Messages.class, BUNDLE_FILE)) {
            String name = file.substring("i18n/".length(), file.length() - ".properties".length());
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
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

    Compiled compiled(Language language, String key) {
        return compiled.computeIfAbsent(language.code() + "|" + key, k -> compile(language, raw(language, key), key));
    }

    private static Compiled compile(Language language, String text, String key) {
        String pattern = APOSTROPHE_BEFORE_SYNTAX.matcher(text).replaceAll("''");
        try {
            MessageFormat format = new MessageFormat(pattern, new ULocale(language.code()));
            return new Compiled(format, choosers(pattern));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the text " + key + " (" + language.code() + ") is not a valid pattern: "
                    + e.getMessage(), e);
        }
    }

    /** The names of the placeholders that pick a form (plural, selectordinal, select). */
    private static Set<String> choosers(String pattern) {
        MessagePattern parsed = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL).parse(pattern);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_START && part.getArgType() != MessagePattern.ArgType.NONE
                    && part.getArgType() != MessagePattern.ArgType.SIMPLE) {
                names.add(parsed.getSubstring(parsed.getPart(i + 1)));
            }
        }
        return names;
    }
}
