package org.ccin.bot.newsletters;

import java.util.Optional;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.newsletters.Newsletter;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;
import org.ccin.store.newsletters.SubscriptionRepository;

/**
 * The buttons under a newsletter ({@link ReaderButton}): Useful, Unsubscribe from its topic, Unsubscribe from
 * everything. One tap does it; each tap is counted once per person for the newsletter's report. Whoever taps acts
 * only for themselves, and only on a newsletter that went out (the id is chosen by the client).
 */
final class ReaderButtons {
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

    /** A tap by a member on a newsletter that went out. */
    @FunctionalInterface
    private interface ReaderTap {
        void handle(Context context, Newsletter newsletter, long memberId);
    }

    CallbackAction buttons() {
        return ReaderButton.SET.handlers().unknown("nl.stale")
                .on(ReaderButton.Useful.class, reader((context, newsletter, memberId) -> {
                    issues.recordTap(newsletter.id(), memberId, "useful");
                    context.reply().answer(context.texts().plain("nl.reader.thanks"));
                }))
                .on(ReaderButton.Unsubscribe.class, reader((context, newsletter, memberId) -> {
                    String topic = newsletter.audience().topic();
                    issues.recordTap(newsletter.id(), memberId, "unsubscribe");
                    subscriptions.unsubscribe(memberId, topic, "button");
                    context.reply().alert(context.texts().plain("nl.reader.unsubscribed", "topic",
                            topics.name(topic, context.texts())));
                }))
                .on(ReaderButton.UnsubscribeAll.class, reader((context, newsletter, memberId) -> {
                    issues.recordTap(newsletter.id(), memberId, "unsubscribe-all");
                    subscriptions.unsubscribeAll(memberId, "button");
                    context.reply().alert(context.texts().plain("nl.reader.unsubscribed.all"));
                }))
                .build();
    }

    private <T extends ReaderButton> ButtonHandlers.Tap<T> reader(ReaderTap tap) {
        return (context, button) -> {
            Optional<Newsletter> newsletter = issues.find(button.id()).filter(n -> n.status() != NewsletterStatus.DRAFT
                    && n.status() != NewsletterStatus.SCHEDULED);
            Optional<Member> member = members.findByTelegramId(context.userId());
            if (newsletter.isEmpty() || member.isEmpty()) {
                context.reply().alert(context.texts().plain("nl.archive.gone"));
                return;
            }
            tap.handle(context, newsletter.get(), member.get().id());
        };
    }
}
