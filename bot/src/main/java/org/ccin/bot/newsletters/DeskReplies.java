package org.ccin.bot.newsletters;

import java.util.Locale;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;

/** How the desk answers a tap: a screen in place of the last, or a refusal that shows the newsletter as it is now. */
final class DeskReplies {
    private final NewsletterRepository issues;
    private final DeskScreens screens;

    DeskReplies(NewsletterRepository issues, DeskScreens screens) {
        this.issues = issues;
        this.screens = screens;
    }

    static void show(Context context, DeskScreens.Screen screen) {
        context.reply().show(screen.html(), screen.keyboard());
    }

    /** The tap does not fit the newsletter's state now: say so and show it as it is. */
    void refuse(Context context, Newsletter newsletter) {
        Newsletter now = issues.find(newsletter.id()).orElse(newsletter);
        Texts texts = context.texts();
        context.reply().alert(texts.plain("nl.state.now", "status",
                texts.plain("nl.status." + now.status().name().toLowerCase(Locale.ROOT))));
        show(context, screens.card(now, texts, ""));
    }

    /** The newsletter's card as it is now, under a note; the desk when it is gone. */
    void showFresh(Context context, long id, String note) {
        issues.find(id).ifPresentOrElse(n -> show(context, screens.card(n, context.texts(), note)),
                () -> show(context, screens.desk(context.texts(), "")));
    }
}
