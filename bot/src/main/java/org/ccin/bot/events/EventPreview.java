package org.ccin.bot.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.newsletters.NewsletterTopics;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.events.Event;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.reference.ReferenceDataRepository;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/**
 * The preview staff see before announcing an event: who would be invited (the topic, how many, what narrows it) above
 * the event's card, and the toggles that narrow it by the network's groups, membership categories and regions, as a
 * newsletter's audience is narrowed. While the toggles are few they sit under the preview. The groups come on top of
 * the categories and regions as the network registers its chats, so beyond {@link #MAX_TOGGLES} the preview offers
 * one list at a time with a way back, as the newsletter desk does: the keyboard stays well within Telegram's 100
 * buttons and on a phone's screen.
 */
final class EventPreview {
    /** The most toggles shown under the preview itself: eight rows of three. */
    static final int MAX_TOGGLES = 24;

    /** The lists that narrow the audience; the key ends the names of its texts. */
    enum Narrowing {
        GROUPS("groups"), CATEGORIES("categories"), REGIONS("regions");

        private final String key;

        Narrowing(String key) {
            this.key = key;
        }
    }

    /** A screen: its HTML and its buttons. */
    record Screen(String html, InlineKeyboardMarkup keyboard) {
    }

    private final GroupRepository groups;
    private final ReferenceDataRepository reference;
    private final Invitations invitations;
    private final EventCards cards;
    private final NewsletterTopics topicNames;

    EventPreview(GroupRepository groups, ReferenceDataRepository reference, Invitations invitations, EventCards cards,
                 NewsletterTopics topicNames) {
        this.groups = groups;
        this.reference = reference;
        this.invitations = invitations;
        this.cards = cards;
        this.topicNames = topicNames;
    }

    /** The groups offered: those whose chat is registered, as the newsletter desk lists them (members are in those). */
    private List<ChatGroup> offered() {
        return groups.all().stream().filter(group -> group.chatId().isPresent()).toList();
    }

    /**
     * Whether the draft may be narrowed to (or widened from) this group: it is offered, or it is chosen already (so
     * that a group whose chat went away can still be taken out).
     */
    boolean canToggleGroup(EventDraft draft, long groupId) {
        return groups.find(groupId).filter(group -> group.chatId().isPresent() || draft.groups().contains(groupId))
                .isPresent();
    }

    boolean hasCategory(String code) {
        return reference.category(code).isPresent();
    }

    boolean hasRegion(String code) {
        return reference.region(code).isPresent();
    }

    /** Whether the toggles are too many to sit under the preview, so that each list is a screen of its own. */
    boolean inLists() {
        return offered().size() + reference.categories().size() + reference.regions().size() > MAX_TOGGLES;
    }

    /** The preview: who would be invited, the card, the toggles (or the lists of them), Announce and Throw away. */
    Screen preview(EventDraft draft, Texts texts) {
        String html = summary(draft, "events.new.preview", texts) + "\n\n"
                + cards.text(event(draft), Optional.empty(), texts);
        Keyboard keyboard = Keyboard.create();
        if (inLists()) {
            keyboard.row();
            for (Narrowing which : Narrowing.values()) {
                keyboard.button(texts.plain("events.button.narrow." + which.key),
                        data(new EventButton.Narrow(draft.id(), which)));
            }
        } else {
            List<InlineKeyboardButton> all = new ArrayList<>();
            for (Narrowing which : Narrowing.values()) {
                all.addAll(toggles(draft, which, texts));
            }
            keyboard.grid(all, 3);
        }
        keyboard.row().button(texts.plain("events.button.announce"), data(new EventButton.Announce(draft.id())))
                .button(texts.plain("events.button.discard"), data(new EventButton.Discard(draft.id())));
        return new Screen(html, keyboard.build());
    }

    /** One list of toggles, with who would be invited now, and the way back to the preview. */
    Screen list(EventDraft draft, Narrowing which, Texts texts) {
        List<InlineKeyboardButton> toggles = toggles(draft, which, texts);
        String html = texts.get("events.new.narrow." + which.key) + "\n\n" + summary(draft, "events.new.reach", texts);
        if (toggles.isEmpty()) {
            html = texts.get("events.new.narrow.none") + "\n\n" + html;
        }
        return new Screen(html, Keyboard.create().grid(toggles, 2).row()
                .button(texts.plain("events.button.preview"), data(new EventButton.Preview(draft.id()))).build());
    }

    /**
     * How many would be invited, of which topic's subscribers ({@code key} says it), and what narrows it: the groups on
     * a line of their own, since a region's group is often named as the region is.
     */
    private String summary(EventDraft draft, String key, Texts texts) {
        String language = texts.language().code();
        StringBuilder html = new StringBuilder(texts.get(key, "topic", topicNames.name(draft.topic(), texts), "count",
                invitations.audienceSize(draft.audience())));
        if (!draft.groups().isEmpty()) {
            // a chosen group that has gone since is named by its id: the count leaves its members out all the same
            List<String> names = draft.groups().stream()
                    .map(id -> groups.find(id).map(g -> g.title(language)).orElse("#" + id)).toList();
            html.append('\n').append(texts.get("events.new.narrowed.groups", "list", String.join(", ", names)));
        }
        List<String> narrowing = new ArrayList<>();
        draft.categories().forEach(code -> reference.category(code).ifPresent(c -> narrowing.add(c.name(language))));
        draft.regions().forEach(code -> reference.region(code).ifPresent(r -> narrowing.add(r.name(language))));
        if (!narrowing.isEmpty()) {
            html.append('\n').append(texts.get("events.new.narrowed", "list", String.join(", ", narrowing)));
        }
        return html.toString();
    }

    private List<InlineKeyboardButton> toggles(EventDraft draft, Narrowing which, Texts texts) {
        String language = texts.language().code();
        List<InlineKeyboardButton> toggles = new ArrayList<>();
        switch (which) {
            // marked as groups: under the preview a region's group would look like the region
            case GROUPS -> offered().forEach(g -> toggles.add(toggle(draft.groups().contains(g.id()),
                    "👥 " + g.title(language), new EventButton.ToggleGroup(draft.id(), g.id()))));
            case CATEGORIES -> reference.categories().forEach(c -> toggles.add(toggle(
                    draft.categories().contains(c.code()), c.name(language),
                    new EventButton.ToggleCategory(draft.id(), c.code()))));
            case REGIONS -> reference.regions().forEach(r -> toggles.add(toggle(draft.regions().contains(r.code()),
                    r.name(language), new EventButton.ToggleRegion(draft.id(), r.code()))));
        }
        return toggles;
    }

    private static InlineKeyboardButton toggle(boolean on, String label, EventButton button) {
        return Keyboard.callbackButton((on ? "✓ " : "") + label, data(button));
    }

    private static CallbackData data(EventButton button) {
        return EventButton.SET.data(button);
    }

    /** The event as it would be announced, for its card. */
    private static Event event(EventDraft d) {
        return new Event(0, d.title(), d.description(), d.startsAt(), d.endsAt(), Optional.ofNullable(d.place()),
                Optional.ofNullable(d.onlineLink()), Optional.ofNullable(d.capacity()), d.audience(),
                Optional.empty(), Optional.empty(), 0);
    }
}
