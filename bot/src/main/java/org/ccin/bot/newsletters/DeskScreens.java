package org.ccin.bot.newsletters;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterStatus;
import org.ccin.store.reference.MembershipCategory;
import org.ccin.store.reference.Region;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

/** The screens staff see in /newsletter: the desk, a newsletter's card, its audience, and confirmations. */
final class DeskScreens {
    private static final int RECENT = 5;

    private final NewslettersData data;
    private final NewsletterTopics topics;
    private final DeliveryReports reports;
    private final ZoneId zone;

    DeskScreens(NewslettersData data, NewsletterTopics topics, DeliveryReports reports, ZoneId zone) {
        this.data = data;
        this.topics = topics;
        this.reports = reports;
        this.zone = zone;
    }

    /** A screen: its HTML and its buttons. */
    record Screen(String html, InlineKeyboardMarkup keyboard) {
    }

    /** The lists that narrow an audience, each a list of toggles; its name is the end of its text key. */
    enum Narrowing {
        GROUPS("g"), CATEGORIES("c"), REGIONS("r");

        private final String key;

        Narrowing(String key) {
            this.key = key;
        }
    }

    Screen desk(Texts texts, String note) {
        StringBuilder html = new StringBuilder(note).append(texts.get("nl.desk.title"));
        Map<String, Integer> counts = data.subscriptions().reachableCounts();
        for (String code : topics.codes()) {
            html.append('\n').append(texts.get("nl.desk.topic", "topic", topics.name(code, texts),
                    "count", counts.getOrDefault(code, 0)));
        }
        Keyboard keyboard = Keyboard.create().button(texts.plain("nl.button.new"), button(new DeskButton.New()));
        for (Newsletter newsletter : data.issues().unfinished()) {
            keyboard.row().button(statusMark(newsletter.status()) + " " + newsletter.content().title(),
                    button(new DeskButton.Open(newsletter.id())));
        }
        for (Newsletter newsletter : data.issues().archive(RECENT)) {
            keyboard.row().button(statusMark(newsletter.status()) + " " + newsletter.content().title(),
                    button(new DeskButton.Open(newsletter.id())));
        }
        return new Screen(html.toString(), keyboard.build());
    }

    private static String statusMark(NewsletterStatus status) {
        switch (status) {
            case DRAFT: return "📝";
            case SCHEDULED: return "🕘";
            case SENDING: return "📤";
            case PAUSED: return "⏸";
            case SENT: return "📬";
            default: return "✖";
        }
    }

    /** A newsletter's card: what it is, who gets it, and what can be done with it now. */
    Screen card(Newsletter newsletter, Texts texts, String note) {
        long id = newsletter.id();
        if (newsletter.status() != NewsletterStatus.DRAFT && newsletter.status() != NewsletterStatus.SCHEDULED) {
            return new Screen(note + reports.text(newsletter, texts), reports.controls(newsletter, texts));
        }
        StringBuilder html = new StringBuilder(note).append(texts.get("nl.card.title", "title",
                newsletter.content().title(), "status",
                texts.plain("nl.status." + newsletter.status().name().toLowerCase(Locale.ROOT))));
        html.append('\n').append(texts.get("nl.card.media." + newsletter.content().media().name().toLowerCase(Locale.ROOT),
                "count", newsletter.content().buttons().size()));
        html.append('\n').append(audienceSummary(newsletter.audience(), texts));
        Keyboard keyboard = Keyboard.create();
        if (newsletter.status() == NewsletterStatus.SCHEDULED) {
            html.append('\n').append(texts.get("nl.card.scheduled", "when",
                    when(newsletter.scheduledAt().orElseThrow(), texts)));
            keyboard.button(texts.plain("nl.button.preview"), button(new DeskButton.Preview(id)))
                    .button(texts.plain("nl.button.unschedule"), button(new DeskButton.Unschedule(id)));
        } else {
            keyboard.button(texts.plain("nl.button.send.to", "topic", topics.name(newsletter.audience().topic(), texts),
                            "count", data.issues().countRecipients(newsletter.audience())),
                            button(new DeskButton.Send(id)))
                    .row().button(texts.plain("nl.button.links"), button(new DeskButton.EditLinks(id)))
                    .button(texts.plain("nl.button.audience"), button(new DeskButton.Audience(id)))
                    .button(texts.plain("nl.button.schedule"), button(new DeskButton.Schedule(id)))
                    .row().button(texts.plain("nl.button.preview"), button(new DeskButton.Preview(id)))
                    .button(texts.plain("nl.button.text"), button(new DeskButton.EditText(id)))
                    .row().button(texts.plain("nl.button.keep"), button(new DeskButton.Keep(id)))
                    .button(texts.plain("nl.button.delete"), button(new DeskButton.Delete(id)));
        }
        keyboard.row().button(texts.plain("nl.button.desk"), button(new DeskButton.Desk()));
        return new Screen(html.toString(), keyboard.build());
    }

    /** Who gets it, in words, with how many that is now. */
    String audienceSummary(Audience audience, Texts texts) {
        StringBuilder html = new StringBuilder(texts.get("nl.audience.topic", "topic",
                topics.name(audience.topic(), texts)));
        String language = texts.language().code();
        if (!audience.groupIds().isEmpty()) {
            List<String> names = new ArrayList<>();
            audience.groupIds().forEach(id -> names.add(data.groups().find(id).map(g -> g.title(language))
                    .orElse("#" + id)));
            html.append('\n').append(texts.get("nl.audience.groups", "names", String.join(", ", names)));
        }
        if (!audience.categories().isEmpty()) {
            List<String> names = new ArrayList<>();
            audience.categories().forEach(code -> names.add(data.referenceData().category(code)
                    .map(c -> c.name(language)).orElse(code)));
            html.append('\n').append(texts.get("nl.audience.categories", "names", String.join(", ", names)));
        }
        if (!audience.regions().isEmpty()) {
            List<String> names = new ArrayList<>();
            audience.regions().forEach(code -> names.add(data.referenceData().region(code)
                    .map(r -> r.name(language)).orElse(code)));
            html.append('\n').append(texts.get("nl.audience.regions", "names", String.join(", ", names)));
        }
        html.append('\n').append(texts.get("nl.audience.count",
                "count", data.issues().countRecipients(audience)));
        return html.toString();
    }

    /** The audience screen: the topic, and the ways to narrow it. */
    Screen audience(Newsletter newsletter, Texts texts) {
        long id = newsletter.id();
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (String code : topics.codes()) {
            String mark = code.equals(newsletter.audience().topic()) ? "🔘 " : "⚪ ";
            buttons.add(Keyboard.callbackButton(mark + topics.name(code, texts), button(new DeskButton.Topic(id, code))));
        }
        Keyboard keyboard = Keyboard.create().grid(buttons, 2).row()
                .button(texts.plain("nl.button.groups"), button(new DeskButton.ListGroups(id)))
                .button(texts.plain("nl.button.categories"), button(new DeskButton.ListCategories(id)))
                .button(texts.plain("nl.button.regions"), button(new DeskButton.ListRegions(id)))
                .row().button(texts.plain("nl.button.done"), button(new DeskButton.Open(id)));
        return new Screen(texts.get("nl.audience.title") + "\n\n" + audienceSummary(newsletter.audience(), texts),
                keyboard.build());
    }

    /** One of the narrowing lists: groups, categories or regions, each a toggle. */
    Screen narrowing(Newsletter newsletter, Narrowing which, Texts texts) {
        long id = newsletter.id();
        Audience audience = newsletter.audience();
        String language = texts.language().code();
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        switch (which) {
            case GROUPS:
                for (ChatGroup group : data.groups().all()) {
                    if (group.chatId().isPresent()) {
                        buttons.add(toggle(audience.groupIds().contains(group.id()), group.title(language),
                                button(new DeskButton.ToggleGroup(id, group.id()))));
                    }
                }
                break;
            case CATEGORIES:
                for (MembershipCategory category : data.referenceData().categories()) {
                    buttons.add(toggle(audience.categories().contains(category.code()), category.name(language),
                            button(new DeskButton.ToggleCategory(id, category.code()))));
                }
                break;
            default:
                for (Region region : data.referenceData().regions()) {
                    buttons.add(toggle(audience.regions().contains(region.code()), region.name(language),
                            button(new DeskButton.ToggleRegion(id, region.code()))));
                }
        }
        Keyboard keyboard = Keyboard.create().grid(buttons, 2).row()
                .button(texts.plain("nl.button.back"), button(new DeskButton.Audience(id)));
        String html = texts.get("nl.narrow." + which.key) + "\n\n" + audienceSummary(audience, texts);
        if (buttons.isEmpty()) {
            html = texts.get("nl.narrow.none") + "\n\n" + html;
        }
        return new Screen(html, keyboard.build());
    }

    private static InlineKeyboardButton toggle(boolean on, String label, CallbackData data) {
        return Keyboard.callbackButton((on ? "✅ " : "▫️ ") + label, data);
    }

    /** Asks to confirm sending now; {@code confirmation} gives the Yes its one-time id, asked only if a Yes is shown. */
    Screen confirmSend(Newsletter newsletter, Supplier<String> confirmation, Texts texts) {
        int count = data.issues().countRecipients(newsletter.audience());
        Keyboard keyboard = Keyboard.create();
        if (count == 0) {
            keyboard.button(texts.plain("nl.button.audience"), button(new DeskButton.Audience(newsletter.id())));
        } else {
            keyboard.button(texts.plain("nl.button.confirm"), button(new DeskButton.SendConfirmed(newsletter.id(),
                    confirmation.get())));
        }
        keyboard.button(texts.plain("nl.button.back"), button(new DeskButton.Open(newsletter.id())));
        String html = count == 0 ? texts.get("nl.send.nobody")
                : texts.get("nl.send.confirm", "title", newsletter.content().title(), "count", count);
        return new Screen(html, keyboard.build());
    }

    /** Asks to confirm the time typed; {@code confirmation} is the one-time id of this one request. */
    Screen confirmSchedule(Newsletter newsletter, Instant at, String confirmation, Texts texts) {
        int count = data.issues().countRecipients(newsletter.audience());
        Keyboard keyboard = Keyboard.create()
                .button(texts.plain("nl.button.confirm.schedule"), button(new DeskButton.ScheduleConfirmed(
                        newsletter.id(), at.getEpochSecond(), confirmation)))
                .button(texts.plain("nl.button.back"), button(new DeskButton.Open(newsletter.id())));
        return new Screen(texts.get("nl.schedule.confirm", "title", newsletter.content().title(),
                "when", when(at, texts), "count", count), keyboard.build());
    }

    /** Asks to confirm what cannot be undone; {@code yes} carries the one-time id of this one request. */
    Screen confirm(String key, Newsletter newsletter, String yesKey, DeskButton yes, Texts texts) {
        Keyboard keyboard = Keyboard.create()
                .button(texts.plain(yesKey), button(yes))
                .button(texts.plain("nl.button.back"), button(new DeskButton.Open(newsletter.id())));
        return new Screen(texts.get(key, "title", newsletter.content().title()), keyboard.build());
    }

    private static CallbackData button(DeskButton button) {
        return DeskButton.SET.data(button);
    }

    String when(Instant at, Texts texts) {
        return texts.dateTime(at.atZone(zone));
    }
}
