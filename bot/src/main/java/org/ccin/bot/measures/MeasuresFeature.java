package org.ccin.bot.measures;

import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.store.measures.MeasureRepository;

/**
 * Wires the measures: /measures and the questions about them. Added before the knowledge feature, because its text
 * handler must hear "how many Policy Labs were there in 2023?" before the library searches for it.
 */
public final class MeasuresFeature implements Feature {
    @Override
    public int helpOrder() {
        return 30;
    }

    @Override
    public void addTo(Features features, Services services) {
        MeasureRepository measures = services.store().measures();
        MeasureLines lines = MeasureLines.counting(services.store().plans(), services.store().countedActivity(),
                services.clock(), services.config().zone());
        features.command(new MeasuresCommand(measures, lines, services.clock(), services.config().zone()))
                .text(new MeasureAnswers(measures, lines, services.clock(), services.config().zone()));
    }
}
