package org.ccin.bot.newsletters;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;

/** /newsletters: the archive of past newsletters; a button sends one again to the person who asks. */
final class ArchiveCommand extends CommandAdapter {
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
                    ArchiveButton.SET.data(new ArchiveButton.Open(newsletter.id())));
        }
        context.reply().send(texts.get("nl.archive.title", "count", archive.size()), keyboard.build());
    }

    /** The archive's buttons ({@link ArchiveButton}). */
    CallbackAction buttons() {
        return ArchiveButton.SET.handlers().unknown("nl.archive.gone").on(ArchiveButton.Open.class, this::open).build();
    }

    private void open(Context context, ArchiveButton.Open button) {
        // only a newsletter that went out may be shown: the id is chosen by the client, and drafts are staff's
        Optional<Newsletter> newsletter = issues.find(button.id()).filter(n -> n.status() == NewsletterStatus.SENT);
        if (newsletter.isEmpty()) {
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
