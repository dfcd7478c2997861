package org.ccin.bot.newsletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.casestudies.Topic;
import org.ccin.store.casestudies.TopicRepository;

/**
 * What members can subscribe to: the monthly newsletter, events and webinars, Policy Labs, and each theme of the
 * case-study library ({@code theme-<code>}, so that a theme added by import is a topic at once).
 */
public final class NewsletterTopics {
    static final String MONTHLY = "monthly";
    private static final List<String> FIXED = List.of(MONTHLY, "events", "policy-labs");
    private static final String THEME = "theme-";

    private final TopicRepository themes;

    public NewsletterTopics(TopicRepository themes) {
        this.themes = themes;
    }

    /** Every topic's code, the fixed ones first. */
    List<String> codes() {
        List<String> codes = new ArrayList<>(FIXED);
        themes.all().forEach(theme -> codes.add(THEME + theme.code()));
        return codes;
    }

    boolean exists(String code) {
        return FIXED.contains(code) || theme(code).isPresent();
    }

    /** The topic's name in the reader's language; an unknown code is shown as it is. */
    public String name(String code, Texts texts) {
        if (FIXED.contains(code)) {
            return texts.plain("nl.topic." + code);
        }
        return theme(code).map(t -> texts.plain("nl.topic.theme", "name", t.name(texts.language().code())))
                .orElse(code);
    }

    private Optional<Topic> theme(String code) {
        return code.startsWith(THEME) ? themes.find(code.substring(THEME.length())) : Optional.empty();
    }
}
