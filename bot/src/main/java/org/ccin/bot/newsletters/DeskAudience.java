package org.ccin.bot.newsletters;

import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.store.newsletters.Audience;
import org.ccin.store.newsletters.Newsletter;

/**
 * The audience buttons of a draft: its topic, and the groups, categories and regions that narrow it. Each value is
 * chosen by the client, so each is checked to exist still. The desk calls these for drafts only; a draft that stops
 * being one in between changes nothing either (the store updates drafts only).
 */
final class DeskAudience {
    private final NewslettersData data;
    private final NewsletterTopics topics;
    private final DeskScreens screens;
    private final DeskReplies replies;

    DeskAudience(NewslettersData data, NewsletterTopics topics, DeskScreens screens, DeskReplies replies) {
        this.data = data;
        this.topics = topics;
        this.screens = screens;
        this.replies = replies;
    }

    void topic(Context context, DeskButton.Topic button, Newsletter newsletter) {
        if (!topics.exists(button.topic())) {
            context.reply().alert(context.texts().plain("nl.subscribe.unknown"));
            return;
        }
        change(context, newsletter, newsletter.audience().withTopic(button.topic()), Optional.empty());
    }

    void group(Context context, DeskButton.ToggleGroup button, Newsletter newsletter) {
        if (data.groups().find(button.group()).isEmpty()) {
            context.reply().alert(context.texts().plain("nl.gone"));
            return;
        }
        change(context, newsletter, newsletter.audience().toggleGroup(button.group()),
                Optional.of(DeskScreens.Narrowing.GROUPS));
    }

    void category(Context context, DeskButton.ToggleCategory button, Newsletter newsletter) {
        if (data.referenceData().category(button.category()).isEmpty()) {
            context.reply().alert(context.texts().plain("nl.gone"));
            return;
        }
        change(context, newsletter, newsletter.audience().toggleCategory(button.category()),
                Optional.of(DeskScreens.Narrowing.CATEGORIES));
    }

    void region(Context context, DeskButton.ToggleRegion button, Newsletter newsletter) {
        if (data.referenceData().region(button.region()).isEmpty()) {
            context.reply().alert(context.texts().plain("nl.gone"));
            return;
        }
        change(context, newsletter, newsletter.audience().toggleRegion(button.region()),
                Optional.of(DeskScreens.Narrowing.REGIONS));
    }

    /** Saves the audience of a draft and shows the list it was changed from (the audience screen for the topic). */
    private void change(Context context, Newsletter newsletter, Audience audience,
                        Optional<DeskScreens.Narrowing> list) {
        Texts texts = context.texts();
        if (!data.issues().updateAudience(newsletter.id(), audience)) {
            replies.refuse(context, newsletter);
            return;
        }
        Newsletter changed = data.issues().find(newsletter.id()).orElseThrow();
        context.reply().answer(texts.plain("nl.audience.now", "count", data.issues().countRecipients(audience)));
        DeskReplies.show(context, list.map(which -> screens.narrowing(changed, which, texts))
                .orElseGet(() -> screens.audience(changed, texts)));
    }
}
