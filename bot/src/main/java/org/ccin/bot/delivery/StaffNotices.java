package org.ccin.bot.delivery;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;

/**
 * Tells every staff member something (a reminder nobody answered, updates the bot could not read), each in their
 * language, through the outbox: an alert survives a restart, and its dedupe key makes sure it is told once.
 */
public final class StaffNotices {
    public static final String KIND = "staff-notice";

    private final Set<Long> staff;
    private final Messages messages;
    private final OutboxRepository outbox;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;
    private final LanguagePreference languages;

    public StaffNotices(Set<Long> staff, Messages messages, LanguagePreference languages, OutboxRepository outbox,
                 OutboxDispatcher dispatcher, Clock clock) {
        this.staff = staff;
        this.messages = messages;
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.languages = languages;
    }

    /** Whether a notice with this key was queued already. */
    public boolean told(String key) {
        return staff.stream().anyMatch(id -> outbox.find("staff:" + key + ":" + id).isPresent());
    }

    /**
     * @param key what the notice is about, unique for it (e.g. "escalation:12"): the same key is never told twice
     * @param text the notice's HTML in a staff member's language
     */
    public void tell(String key, long refId, Function<Texts, String> text) {
        List<OutboxMessage> notices = new ArrayList<>();
        for (long id : staff) {
            Language language = languages.of(id);
            notices.add(new OutboxMessage("staff:" + key + ":" + id, OutboxLane.REMINDER, KIND, refId, id,
                    OutgoingMessage.text(text.apply(messages.in(language)), null).json(), clock.instant()));
        }
        if (outbox.enqueue(notices) > 0) {
            dispatcher.wake();
        }
    }
}
