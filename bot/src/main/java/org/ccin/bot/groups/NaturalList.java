package org.ccin.bot.groups;

import java.util.List;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Texts;

/**
 * Joins words as a sentence does: "A", "A and B", "A, B and C" (or "or"). Welsh says "ac" before a vowel and "a"
 * otherwise, and "a" softens a following c, p or t by aspiration (swyddogion a chynghorwyr); names are never
 * changed ({@link #names}). Pure logic.
 */
final class NaturalList {
    private NaturalList() {
    }

    static String and(List<String> items, Texts texts) {
        return join(items, texts, "groups.list.and", true);
    }

    static String or(List<String> items, Texts texts) {
        return join(items, texts, "groups.list.or", false);
    }

    /** People's names, joined with "and", each as they wrote it. */
    static String names(List<String> names, Texts texts) {
        return join(names, texts, "groups.list.and", false);
    }

    private static String join(List<String> items, Texts texts, String conjunctionKey, boolean mutate) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        String last = items.get(items.size() - 1);
        String conjunction = texts.plain(conjunctionKey);
        boolean welshAnd = texts.language() == Language.CY && conjunctionKey.equals("groups.list.and");
        if (welshAnd && startsWithVowel(last)) {
            conjunction = texts.plain("groups.list.and.vowel");
        } else if (welshAnd && mutate) {
            last = aspirated(last);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " " + conjunction + " " + last;
    }

    private static boolean startsWithVowel(String word) {
        return !word.isEmpty() && "aeiouwyâêîôûŵŷAEIOUWYÂÊÎÔÛŴŶ".indexOf(word.charAt(0)) >= 0;
    }

    /** The aspirate mutation after Welsh "a": c → ch, p → ph, t → th (not ch, ph or th themselves). */
    static String aspirated(String word) {
        if (word.length() < 2 || "hH".indexOf(word.charAt(1)) >= 0) {
            return word;
        }
        char first = word.charAt(0);
        return switch (first) {
            case 'c', 'p', 't' -> first + "h" + word.substring(1);
            case 'C', 'P', 'T' -> first + "h" + word.substring(1);
            default -> word;
        };
    }
}
