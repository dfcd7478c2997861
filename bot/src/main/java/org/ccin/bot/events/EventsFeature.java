package org.ccin.bot.events;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.store.events.EventRepository;

/** Wires the network's events: /events lists what is coming. */
public final class EventsFeature implements Feature {
    @Override
    public void addTo(Features features, Services services) {
        EventRepository events = new EventRepository(services.store().database(), services.clock());
        features.command(new EventsCommand(events, services.config().zone()));
    }
}
