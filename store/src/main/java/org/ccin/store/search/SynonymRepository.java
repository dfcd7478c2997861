package org.ccin.store.search;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.internal.Rows;
import org.ccin.store.internal.VersionedCache;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The network's acronyms and synonyms, and the words people type for each topic: the expansions searches use.
 * Thread-safe.
 */
public final class SynonymRepository {
    /** A term's alternatives are ORed in every search: a bound keeps a long chain from making queries slow. */
    private static final int MAX_EXPANSIONS = 12;
    private final Jdbi jdbi;
    private final Clock clock;
    /** Every search asks for the expansions: built again only when synonyms or topics changed (V22). */
    private final VersionedCache<Map<String, List<String>>> expansions;

    public SynonymRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.expansions = new VersionedCache<>(jdbi, "search_words");
    }

    public List<Synonym> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM synonyms ORDER BY term")
                .map((rs, ctx) -> new Synonym(rs.getString("term"), rs.getString("expansion"),
                        Rows.number(rs, "added_by"))).list());
    }

    /**
     * Every expansion, both ways ("cwb" → "community wealth building" and back), plus each topic's words → the
     * topic's name. Keys and values are normalised words joined by single spaces.
     */
    public Map<String, List<String>> expansions() {
        // building them takes two queries and a closure, milliseconds at every question
        return expansions.get(h -> java.util.Collections.unmodifiableMap(build(h)));
    }

    private static Map<String, List<String>> build(Handle h) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        h.createQuery("SELECT term, expansion FROM synonyms").map((rs, ctx) -> {
            link(map, rs.getString("term"), rs.getString("expansion"));
            link(map, rs.getString("expansion"), rs.getString("term"));
            return null;
        }).list();
        h.createQuery("SELECT name_en, synonyms FROM topics").map((rs, ctx) -> {
            String name = rs.getString("name_en");
            for (String word : rs.getString("synonyms").split("\n")) {
                if (!word.isBlank()) {
                    link(map, word, name);
                }
            }
            return null;
        }).list();
        return closed(map);
    }

    /**
     * Each term with everything it reaches through other terms: "co-op" → "cooperative" and "cooperative" →
     * "coop" make "co-op", "coop", "co-operative" and "cooperative" all find each other, so no spelling is an
     * island. Order: the term's own expansions first.
     */
    static Map<String, List<String>> closed(Map<String, List<String>> direct) {
        Map<String, List<String>> closed = new LinkedHashMap<>();
        for (String term : direct.keySet()) {
            Set<String> reached = new LinkedHashSet<>();
            Deque<String> queue = new ArrayDeque<>(direct.get(term));
            while (!queue.isEmpty() && reached.size() < MAX_EXPANSIONS) {
                String next = queue.removeFirst();
                if (!next.equals(term) && reached.add(next)) {
                    queue.addAll(direct.getOrDefault(next, List.of()));
                }
            }
            closed.put(term, List.copyOf(reached));
        }
        return closed;
    }

    private static void link(Map<String, List<String>> map, String from, String to) {
        String key = String.join(" ", SearchTerms.allWords(from));
        String value = String.join(" ", SearchTerms.allWords(to));
        if (!key.isEmpty() && !value.isEmpty() && !key.equals(value)) {
            List<String> values = map.computeIfAbsent(key, k -> new ArrayList<>());
            if (!values.contains(value)) {
                values.add(value);
            }
        }
    }

    /** Adds or changes one synonym (staff, from chat). */
    public UpsertOutcome put(String term, String expansion, Optional<Long> addedBy) {
        return jdbi.inTransaction(h -> upsert(h, new Synonym(term, expansion, addedBy), clock));
    }

    public boolean remove(String term) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM synonyms WHERE lower(term) = lower(:term)")
                .bind("term", term).execute()) > 0;
    }

    /** Inserts or updates by term (case ignored), inside the caller's transaction. */
    public static UpsertOutcome upsert(Handle h, Synonym synonym, Clock clock) {
        Optional<String> existing = h.createQuery("SELECT expansion FROM synonyms WHERE lower(term) = lower(:term)")
                .bind("term", synonym.term()).mapTo(String.class).findOne();
        if (existing.isPresent() && existing.get().equals(synonym.expansion())) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("DELETE FROM synonyms WHERE lower(term) = lower(:term)").bind("term", synonym.term()).execute();
        h.createUpdate("INSERT INTO synonyms (term, expansion, added_by, created_at) VALUES (:term, :exp, :by, :now)")
                .bind("term", synonym.term()).bind("exp", synonym.expansion())
                .bind("by", synonym.addedBy().orElse(null)).bind("now", clock.instant()).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }
}
