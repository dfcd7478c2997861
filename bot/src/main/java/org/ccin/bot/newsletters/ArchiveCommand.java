package org.ccin.bot.newsletters;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;

/** /newsletters: the archive of past newsletters; a button sends one again to the person who asks. */
final class ArchiveCommand extends CommandAdapter implements CallbackAction {
    static final String FEATURE = "nla";
    private static final int SHOWN = 10;

    private final NewsletterRepository issues;
    private final NewsletterMessages messages;
    private final Sender sender;
    private final ZoneId zone;

    ArchiveCommand(NewsletterRepository issues, NewsletterMessages messages, Sender sender, ZoneId zone) {
        super("newsletters", Role.EVERYONE);
        this.issues = issues;
        this.messages = messages;
        this.sender = sender;
        this.zone = zone;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        List<Newsletter> archive = issues.archive(SHOWN);
        if (archive.isEmpty()) {
            context.reply().send(texts.get("nl.archive.empty"));
            return;
        }
        Keyboard keyboard = Keyboard.create();
        for (Newsletter newsletter : archive) {
            keyboard.row().button(date(newsletter, texts) + " · " + newsletter.content().title(),
                    CallbackData.of(FEATURE, "o", newsletter.id()));
        }
        context.reply().send(texts.get("nl.archive.title", "count", archive.size()), keyboard.build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        // only a newsletter that went out may be shown: the id is chosen by the client, and drafts are staff's
        Optional<Newsletter> newsletter = data.number(0).flatMap(issues::find)
                .filter(n -> n.status() == NewsletterStatus.SENT);
        if (!data.action().equals("o") || newsletter.isEmpty()) {
            context.reply().alert(context.texts().plain("nl.archive.gone"));
            return;
        }
        context.reply().answer("");
        messages.forReader(newsletter.get(), context.texts()).sendWith(sender, Lane.INTERACTIVE,
                context.incoming().chatId());
    }

    private String date(Newsletter newsletter, Texts texts) {
        return newsletter.startedAt().map(at -> texts.shortDate(at.atZone(zone).toLocalDate())).orElse("");
    }
}
