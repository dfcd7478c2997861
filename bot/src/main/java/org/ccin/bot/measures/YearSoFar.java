package org.ccin.bot.measures;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.measures.CountedActivity;
import org.ccin.store.measures.Measure;

/**
 * The measure year so far as the bot counted it: the strategy's figures are "as at July", so its year runs from
 * 1 August; the Policy Labs and Prototypes funded through the bot's rounds, their councils and the events held
 * through /events since then are shown beside the published figures, which are imported only once a year.
 */
public final class YearSoFar {
    /** The first month of the strategy's measure year (its figures are as at the end of July). */
    private static final int FIRST_MONTH = 8;

    private final Optional<CountedActivity> activity;
    private final Clock clock;
    private final ZoneId zone;

    YearSoFar(CountedActivity activity, Clock clock, ZoneId zone) {
        this.activity = Optional.of(activity);
        this.clock = clock;
        this.zone = zone;
    }

    private YearSoFar() {
        this.activity = Optional.empty();
        this.clock = Clock.systemUTC();
        this.zone = ZoneId.of("UTC");
    }

    /** Counts nothing: for pages that show only the published figures. */
    static YearSoFar none() {
        return new YearSoFar();
    }

    /** The first day of the measure year holding {@code today}. */
    static LocalDate since(LocalDate today) {
        int year = today.getMonthValue() >= FIRST_MONTH ? today.getYear() : today.getYear() - 1;
        return LocalDate.of(year, FIRST_MONTH, 1);
    }

    /** Counted now, once for a whole answer; empty when this instance counts nothing. */
    Optional<Figures> now() {
        LocalDate since = since(LocalDate.now(clock.withZone(zone)));
        return activity.map(a -> new Figures(since, a.between(since.atStartOfDay(zone).toInstant(), clock.instant())));
    }

    /** The counts of one measure year so far, read as sentences for the measures the bot counts. */
    public record Figures(LocalDate since, CountedActivity.Counts counts) {

        /** "So far this year (since 1 August 2026): 2 funded through the bot's rounds." as HTML. */
        Optional<String> sentence(Measure measure, Texts texts) {
            return counts.forMeasure(measure.code()).map(value -> texts.get(key(measure.code()), "since",
                    texts.date(since), "figure", MeasureLines.value(value, measure.unit(), false, texts),
                    "full", counts.fullCouncilMembers()));
        }

        /** " · so far this year: 2", for the list of every measure; empty while nothing was counted. */
        Optional<String> brief(Measure measure, Texts texts) {
            return counts.forMeasure(measure.code()).filter(value -> value > 0).map(value -> texts.get(
                    "measures.so.far.brief", "figure", MeasureLines.value(value, measure.unit(), false, texts)));
        }

        /** The figure alone, "1" or "75%", for a table; empty for a measure the bot does not count. */
        public Optional<String> value(Measure measure, Texts texts) {
            return counts.forMeasure(measure.code()).map(v -> MeasureLines.value(v, measure.unit(), false, texts));
        }

        /** Whether the bot counted anything at all this year (else a table need not show a column of zeros). */
        public boolean anything() {
            return counts.labsFunded() + counts.prototypesFunded() + counts.eventsHeld() > 0;
        }

        private static String key(String code) {
            return switch (code) {
                case "policy-lab-councils", "policy-prototype-councils" -> "measures.so.far.councils";
                case "policy-lab-participation", "policy-prototype-participation" -> "measures.so.far.share";
                case "meetings-and-events" -> "measures.so.far.events";
                default -> "measures.so.far.funded";
            };
        }
    }
}
