package org.ccin.store.measures;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.Database;
import org.ccin.store.organisations.NameKey;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What the bot itself has seen happen that the strategy measures: Policy Labs and Prototypes funded through its
 * rounds, the councils taking part in them, and the network's events held. The strategy's own figures are imported
 * once a year; these are counted live, so members and staff can see the year so far. Thread-safe.
 */
public final class CountedActivity {
    /** The membership category whose count the strategy divides by for "percentage participation". */
    static final String FULL_MEMBERS = "full";

    /**
     * @param labCouncils       distinct member organisations leading or partnering a funded Policy Lab
     * @param fullCouncilMembers full members in the organisations list now, the participation percentage's base
     */
    public record Counts(int labsFunded, int labCouncils, int prototypesFunded, int prototypeCouncils,
                         int eventsHeld, int fullCouncilMembers) {

        /** The figure the bot counted for a measure of the strategy, when it counts that measure. */
        public Optional<Double> forMeasure(String code) {
            return switch (code) {
                case "policy-labs" -> Optional.of((double) labsFunded);
                case "policy-lab-councils" -> Optional.of((double) labCouncils);
                case "policy-lab-participation" -> percent(labCouncils);
                case "policy-prototypes" -> Optional.of((double) prototypesFunded);
                case "policy-prototype-councils" -> Optional.of((double) prototypeCouncils);
                case "policy-prototype-participation" -> percent(prototypeCouncils);
                case "meetings-and-events" -> Optional.of((double) eventsHeld);
                default -> Optional.empty();
            };
        }

        /** As the strategy computes it: councils taking part over full council members, whole per cent. */
        private Optional<Double> percent(int councils) {
            return fullCouncilMembers == 0 ? Optional.empty()
                    : Optional.of((double) Math.round(100.0 * councils / fullCouncilMembers));
        }
    }

    private final Jdbi jdbi;

    public CountedActivity(Database database) {
        this.jdbi = database.jdbi();
    }

    /**
     * What happened from {@code from} to {@code to}, both included (to is usually now): projects by the time they were decided
     * funded, events by their start (cancelled ones and those not yet started by {@code to} are not held).
     */
    public Counts between(Instant from, Instant to) {
        return jdbi.withHandle(h -> {
            Set<Long> labCouncils = councils(h, "LAB", from, to);
            Set<Long> prototypeCouncils = councils(h, "PROTOTYPE", from, to);
            int events = h.createQuery("""
                    SELECT count(*) FROM events WHERE cancelled_at IS NULL AND announced_at IS NOT NULL
                      AND starts_at >= :from AND starts_at <= :to
                    """).bind("from", from).bind("to", to).mapTo(Integer.class).one();
            int full = h.createQuery("""
                    SELECT count(*) FROM organisations WHERE category_code = :full AND network_member = 1
                    """).bind("full", FULL_MEMBERS).mapTo(Integer.class).one();
            return new Counts(funded(h, "LAB", from, to), labCouncils.size(), funded(h, "PROTOTYPE", from, to),
                    prototypeCouncils.size(), events, full);
        });
    }

    private static int funded(Handle h, String kind, Instant from, Instant to) {
        return h.createQuery("""
                SELECT count(*) FROM lab_applications a JOIN lab_rounds r ON r.id = a.round_id
                WHERE r.kind = :kind AND a.status = 'FUNDED' AND a.decided_at >= :from AND a.decided_at <= :to
                """).bind("kind", kind).bind("from", from).bind("to", to).mapTo(Integer.class).one();
    }

    /**
     * The member organisations of the funded projects: the applicant's own, and each partner whose name is in the
     * organisations list (partners are kept as the names picked or typed; a typed name not in the list is counted
     * nowhere, as it may not be a council at all).
     */
    private static Set<Long> councils(Handle h, String kind, Instant from, Instant to) {
        List<Map<String, Object>> rows = h.createQuery("""
                SELECT a.organisation_id AS organisation, coalesce(p.answer, '') AS partners
                FROM lab_applications a JOIN lab_rounds r ON r.id = a.round_id
                LEFT JOIN lab_answers p ON p.application_id = a.id AND p.question = 'partners' -- the bot's partners code
                WHERE r.kind = :kind AND a.status = 'FUNDED' AND a.decided_at >= :from AND a.decided_at <= :to
                """).bind("kind", kind).bind("from", from).bind("to", to).mapToMap().list();
        Map<String, Long> members = new HashMap<>();
        h.createQuery("SELECT id, name_key FROM organisations WHERE network_member = 1").mapToMap()
                .forEach(row -> members.put((String) row.get("name_key"), ((Number) row.get("id")).longValue()));
        Set<Long> memberIds = new HashSet<>(members.values());
        Set<Long> found = new HashSet<>();
        for (Map<String, Object> row : rows) {
            if (row.get("organisation") instanceof Number id && memberIds.contains(id.longValue())) {
                found.add(id.longValue());
            }
            for (String partner : ((String) row.get("partners")).split("\n")) {
                Long id = members.get(NameKey.of(partner));
                if (id != null) {
                    found.add(id);
                }
            }
        }
        return found;
    }
}
