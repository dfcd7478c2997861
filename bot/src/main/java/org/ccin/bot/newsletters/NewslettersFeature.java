package org.ccin.bot.newsletters;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.newsletters.NewsletterRepository;

/** Wires the newsletters feature: subscriptions, the archive, the staff desk, delivery and its reports. */
public final class NewslettersFeature implements Feature {
    @Override
    public int helpOrder() {
        return 70;
    }

    @Override
    public void addTo(Features features, Services services) {
        BotConfig config = services.config();
        Store store = services.store();
        NewsletterTopics topics = new NewsletterTopics(store.topics());
        NewsletterMessages messages = new NewsletterMessages(topics);
        NewslettersData data = new NewslettersData(store.newsletters().issues(), store.newsletters().subscriptions(),
                store.groups().catalogue(), store.referenceData(), store.auditLog());
        DeliveryReports reports = new DeliveryReports(store.outbox(), data.issues());
        Broadcasts broadcasts = new Broadcasts(data.issues(), store.outbox(), messages, reports, services.messages(),
                services.outbox(), services.sender(), services.clock(), config.newsletters().channelId(),
                config.newsletters().reportEvery(), services.languages());
        DeskScreens screens = new DeskScreens(data, topics, reports, config.zone());
        DeskConfirmations confirmations = new DeskConfirmations(store.confirmations());
        ComposeFlow compose = new ComposeFlow(data.issues(), data.auditLog(), store.conversations(), screens,
                confirmations, services.clock(), config.zone());
        NewsletterDesk desk = new NewsletterDesk(data, screens, confirmations, compose,
                broadcasts, messages, topics, services.sender(), services.clock());
        SubscriptionScreen subscribe = new SubscriptionScreen(store.newsletters().subscriptions(), store.members(),
                topics);
        ArchiveCommand archive = new ArchiveCommand(store.newsletters().issues(), messages, services.sender(),
                config.zone());
        features.command(subscribe).callback(subscribe.buttons())
                .command(new UnsubscribeCommand(store.newsletters().subscriptions(), store.members()))
                .command(archive).callback(archive.buttons())
                .callback(new ReaderButtons(data.issues(), data.subscriptions(), store.members(), topics).buttons())
                .command(desk).callback(desk.buttons()).flow(compose)
                .delivery(NewsletterRepository.KIND, new NewsletterDeliveries(broadcasts))
                .routine(new NewsletterRoutine(broadcasts));
    }
}
