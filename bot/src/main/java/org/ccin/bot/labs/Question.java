package org.ccin.bot.labs;

import java.util.List;
import org.ccin.bot.i18n.Texts;

/**
 * One question of a round: a standard one (its code, its words in the bundles) or staff's own words. The standard
 * ones are the six of the network's application form (seed 003), then the lead, the partners and the amount asked.
 */
record Question(String code) {
    static final String LEAD = "lead";
    static final String PARTNERS = "partners";
    static final String AMOUNT = "amount";
    static final String IDEA = "idea";
    static final List<String> STANDARD = List.of(IDEA, "workwith", "outcomes", "aims", "values", "learning", LEAD,
            PARTNERS, AMOUNT);

    /** How an answer is taken. */
    enum Kind { WORDS, PARTNERS, AMOUNT }

    boolean isStandard() {
        return STANDARD.contains(code);
    }

    Kind kind() {
        return switch (code) {
            case PARTNERS -> Kind.PARTNERS;
            case AMOUNT -> Kind.AMOUNT;
            default -> Kind.WORDS;
        };
    }

    /** The question as the reader sees it (HTML-safe). */
    String title(Texts texts) {
        return isStandard() ? texts.get("labs.q." + code) : org.ccin.bot.i18n.Html.escape(code);
    }

    /** What a good answer says; empty for staff's own questions. */
    String hint(Texts texts) {
        return isStandard() ? texts.get("labs.q." + code + ".hint") : "";
    }
}
