package org.ccin.bot.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.ccin.bot.access.Role;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.measures.MeasureRepository;

/** /measures: every measure of the strategy by objective, its latest figure against its target. */
final class MeasuresCommand extends CommandAdapter {
    private final MeasureRepository measures;
    private final MeasureLines lines;
    private final Clock clock;
    private final ZoneId zone;

    MeasuresCommand(MeasureRepository measures, MeasureLines lines, Clock clock, ZoneId zone) {
        super("measures", Role.EVERYONE, Where.ANYWHERE);
        this.measures = measures;
        this.lines = lines;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void handle(Context context) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        context.reply().send(lines.overview(measures.all(), today, context.texts()));
    }
}
