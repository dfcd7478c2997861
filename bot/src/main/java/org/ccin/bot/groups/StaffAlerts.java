package org.ccin.bot.groups;

import java.util.Set;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;

/** Tells every member of staff something, each in their own language, without waiting. Thread-safe. */
final class StaffAlerts {
    private final Set<Long> staff;
    private final Messages messages;
    private final LanguagePreference languages;
    private final GroupActions actions;

    StaffAlerts(Set<Long> staff, Messages messages, LanguagePreference languages, GroupActions actions) {
        this.staff = staff;
        this.messages = messages;
        this.languages = languages;
        this.actions = actions;
    }

    void tell(String key, Object... namesAndValues) {
        for (long id : staff) {
            actions.tellLater(id, messages.in(languages.of(id)).get(key, namesAndValues), null);
        }
    }
}
