package org.ccin.bot.groups;

import java.util.Set;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.store.members.MemberRepository;

/** Tells every member of staff something, each in their own language, without waiting. Thread-safe. */
final class StaffAlerts {
    private final Set<Long> staff;
    private final Messages messages;
    private final MemberRepository members;
    private final GroupActions actions;

    StaffAlerts(Set<Long> staff, Messages messages, MemberRepository members, GroupActions actions) {
        this.staff = staff;
        this.messages = messages;
        this.members = members;
        this.actions = actions;
    }

    void tell(String key, Object... namesAndValues) {
        for (long id : staff) {
            Language language = members.findByTelegramId(id).flatMap(m -> Language.fromCode(m.language()))
                    .orElse(Language.EN);
            actions.tellLater(id, messages.in(language).get(key, namesAndValues), null);
        }
    }
}
