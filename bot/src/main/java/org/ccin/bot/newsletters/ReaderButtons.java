package org.ccin.bot.newsletters;

import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;
import org.ccin.store.newsletters.SubscriptionRepository;

/**
 * The buttons under a newsletter: Useful, Unsubscribe from its topic, Unsubscribe from everything. One tap does
 * it; each tap is counted once per person for the newsletter's report. Whoever taps acts only for themselves.
 */
final class ReaderButtons implements CallbackAction {
    private final NewsletterRepository issues;
    private final SubscriptionRepository subscriptions;
    private final MemberRepository members;
    private final NewsletterTopics topics;

    ReaderButtons(NewsletterRepository issues, SubscriptionRepository subscriptions, MemberRepository members,
                  NewsletterTopics topics) {
        this.issues = issues;
        this.subscriptions = subscriptions;
        this.members = members;
        this.topics = topics;
    }

    @Override
    public String feature() {
        return NewsletterMessages.READER;
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        Optional<Newsletter> newsletter = data.number(0).flatMap(issues::find).filter(n -> n.status() != NewsletterStatus.DRAFT
                && n.status() != NewsletterStatus.SCHEDULED);
        Optional<Member> member = members.findByTelegramId(context.userId());
        if (newsletter.isEmpty() || member.isEmpty()) {
            context.reply().alert(texts.plain("nl.archive.gone"));
            return;
        }
        long memberId = member.get().id();
        String topic = newsletter.get().audience().topic();
        switch (data.action()) {
            case "y":
                issues.recordTap(newsletter.get().id(), memberId, "useful");
                context.reply().answer(texts.plain("nl.reader.thanks"));
                break;
            case "u":
                issues.recordTap(newsletter.get().id(), memberId, "unsubscribe");
                subscriptions.unsubscribe(memberId, topic, "button");
                context.reply().alert(texts.plain("nl.reader.unsubscribed", "topic", topics.name(topic, texts)));
                break;
            case "a":
                issues.recordTap(newsletter.get().id(), memberId, "unsubscribe-all");
                subscriptions.unsubscribeAll(memberId, "button");
                context.reply().alert(texts.plain("nl.reader.unsubscribed.all"));
                break;
            default:
                context.reply().alert(texts.plain("nl.stale"));
        }
    }
}
