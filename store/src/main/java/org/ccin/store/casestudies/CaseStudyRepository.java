package org.ccin.store.casestudies;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.internal.Rows;
import org.ccin.store.internal.VersionedCache;
import org.ccin.store.search.FtsQuery;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The case-study library and its search: SQLite FTS5, ranked by bm25 with the title weighted above the summary
 * and the body, stemmed (porter); misspelt words are corrected from the library's vocabulary. Thread-safe.
 */
public final class CaseStudyRepository {
    /** bm25 with weights for title, summary, body, councils, topics: set as the index's rank in migration V2. */
    private static final String RANK = "rank";
    /** How many matches are ranked at most (per tier); see {@link #matched}. */
    static final int RANK_WINDOW = 200;
    /** Counting stops here: "1,000 or more" is all a person needs to know. */
    static final int COUNT_CAP = 1_000;

    static final RowMapper<CaseStudy> CASE_STUDY = (rs, ctx) -> new CaseStudy(rs.getLong("id"), rs.getString("slug"),
            rs.getString("title"), CaseStudyKind.valueOf(rs.getString("kind")), rs.getString("summary"),
            rs.getString("body"), Rows.text(rs, "link"), Rows.text(rs, "region_code"),
            Rows.number(rs, "year").map(Long::intValue), lines(rs.getString("councils")), lines(rs.getString("topics")));

    private final Jdbi jdbi;
    private final Clock clock;
    /** The library's words, for correcting misspelt ones: read again only when the library changed (V23). */
    private final VersionedCache<LibraryVocabulary> vocabulary;

    public CaseStudyRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
        this.vocabulary = new VersionedCache<>(jdbi, "library");
    }

    public Optional<CaseStudy> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM case_studies WHERE id = :id").bind("id", id)
                .map(CASE_STUDY).findOne());
    }

    public Optional<CaseStudy> findBySlug(String slug) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM case_studies WHERE slug = :slug").bind("slug", slug)
                .map(CASE_STUDY).findOne());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM case_studies").mapTo(Integer.class).one());
    }

    /**
     * One page of case studies for the words and filters: those matching every word, or if none, those matching
     * some. With no words, the filters alone (newest first). Misspellings: see {@link #correctedSpelling}.
     */
    public SearchPage search(FtsQuery query, CaseStudyFilters filters, int offset, int limit) {
        return search(query, filters, offset, limit, true);
    }

    /**
     * The best {@code limit} matches without their snippets (each hit's snippet is empty): for ranking, which needs
     * the studies but shows only a page of them; a snippet costs about a millisecond a study.
     */
    public SearchPage rankedMatches(FtsQuery query, CaseStudyFilters filters, int limit) {
        return search(query, filters, 0, limit, false);
    }

    private SearchPage search(FtsQuery query, CaseStudyFilters filters, int offset, int limit, boolean snippets) {
        return jdbi.withHandle(h -> {
            if (query.isEmpty()) {
                return filtered(h, filters, offset, limit);
            }
            boolean single = query.groups().size() == 1;
            SearchPage page = matched(h, query.all().orElseThrow(), single, filters, offset, limit,
                    SearchPage.Match.ALL_WORDS, snippets);
            if (page.total() == 0 && !single) {
                page = matched(h, query.any().orElseThrow(), false, filters, offset, limit, SearchPage.Match.SOME_WORDS,
                        snippets);
            }
            return page;
        });
    }

    /**
     * Ranking every match costs a bm25 score per match, which for a word in most of 100,000 case studies takes a
     * tenth of a second. So a one-word query matching more than {@link #RANK_WINDOW} case studies is ranked in two
     * tiers, each over its newest {@link #RANK_WINDOW} matches: those matching in the title first, then the rest;
     * a broad query of several words is ranked over its newest matches. A query matching fewer is ranked whole.
     */
    private SearchPage matched(Handle h, String match, boolean singleConcept, CaseStudyFilters filters, int offset,
                               int limit, SearchPage.Match how, boolean snippets) {
        if (!singleConcept) {
            // finding the title matches of several common words means walking every match: rank the newest instead;
            // the newest matches, read once, give both the count and where the window starts
            List<Long> newest = newestUpTo(h, match, filters, COUNT_CAP);
            int total = newest.size();
            if (total == 0) {
                return new SearchPage(List.of(), 0, offset, how);
            }
            Optional<Long> oldest = total <= RANK_WINDOW ? Optional.empty() : Optional.of(newest.get(RANK_WINDOW - 1));
            return new SearchPage(ranked(h, match, filters, offset, limit, oldest, snippets),
                    Math.min(total, RANK_WINDOW), offset, how, total);
        }
        int total = countUpTo(h, match, filters, COUNT_CAP);
        if (total == 0) {
            return new SearchPage(List.of(), 0, offset, how);
        }
        if (total <= RANK_WINDOW) {
            return new SearchPage(ranked(h, match, filters, offset, limit, Optional.empty(), snippets), total, offset,
                    how);
        }
        String titles = "{title} : (" + match + ")";
        int titleCount = countUpTo(h, titles, filters, RANK_WINDOW);
        String others = "(" + match + ") NOT " + titles;
        // every match is a title match or another: with the title matches counted in full, the others are known
        int otherCount = titleCount < RANK_WINDOW ? Math.min(RANK_WINDOW, total - titleCount)
                : countUpTo(h, others, filters, RANK_WINDOW);
        List<SearchHit> hits = new ArrayList<>();
        if (offset < titleCount) {
            hits.addAll(ranked(h, titles, filters, offset, Math.min(limit, titleCount - offset),
                    titleCount == RANK_WINDOW ? oldestOfWindow(h, titles, filters) : Optional.empty(), snippets));
        }
        if (hits.size() < limit) {
            hits.addAll(ranked(h, others, filters, Math.max(0, offset - titleCount), limit - hits.size(),
                    otherCount == RANK_WINDOW ? oldestOfWindow(h, others, filters) : Optional.empty(), snippets));
        }
        // paging reaches the two windows; the total says how many match in all
        return new SearchPage(hits, Math.min(total, titleCount + otherCount), offset, how, total);
    }

    /** A page of the matches best first; with {@code oldest}, of those from that row on (the newest) only. */
    private List<SearchHit> ranked(Handle h, String match, CaseStudyFilters filters, int offset, int limit,
                                   Optional<Long> oldest, boolean snippets) {
        String where = " FROM case_studies_fts f JOIN case_studies c ON c.id = f.rowid WHERE case_studies_fts MATCH :match"
                + filterSql(filters);
        Query page = h.createQuery("SELECT c.*, " + (snippets
                        ? "snippet(case_studies_fts, -1, char(2), char(3), '…', 14)" : "''") + " AS snippet"
                + where + (oldest.isPresent() ? " AND f.rowid >= :oldest" : "") + " ORDER BY " + RANK
                + " LIMIT :limit OFFSET :offset").bind("match", match).bind("limit", limit).bind("offset", offset);
        oldest.ifPresent(rowid -> page.bind("oldest", rowid));
        return bindFilters(page, filters).map((rs, ctx) -> new SearchHit(CASE_STUDY.map(rs, ctx),
                rs.getString("snippet"))).list();
    }

    /** The oldest of the newest {@link #RANK_WINDOW} matches. */
    private Optional<Long> oldestOfWindow(Handle h, String match, CaseStudyFilters filters) {
        return bindFilters(h.createQuery("SELECT f.rowid" + matches(filters)
                + " ORDER BY f.rowid DESC LIMIT 1 OFFSET :window").bind("match", match)
                .bind("window", RANK_WINDOW - 1), filters).mapTo(Long.class).findOne();
    }

    /** The ids of the newest matches, newest first, at most {@code cap}. */
    private List<Long> newestUpTo(Handle h, String match, CaseStudyFilters filters, int cap) {
        return bindFilters(h.createQuery("SELECT f.rowid" + matches(filters) + " ORDER BY f.rowid DESC LIMIT :cap")
                .bind("match", match).bind("cap", cap), filters).mapTo(Long.class).list();
    }

    private int countUpTo(Handle h, String match, CaseStudyFilters filters, int cap) {
        return bindFilters(h.createQuery("SELECT count(*) FROM (SELECT 1" + matches(filters) + " LIMIT :cap)")
                .bind("match", match).bind("cap", cap), filters).mapTo(Integer.class).one();
    }

    /** FROM … WHERE of the matches; the case studies are joined only when a filter needs their columns. */
    private static String matches(CaseStudyFilters filters) {
        return filters.isEmpty() ? " FROM case_studies_fts f WHERE case_studies_fts MATCH :match"
                : " FROM case_studies_fts f JOIN case_studies c ON c.id = f.rowid WHERE case_studies_fts MATCH :match"
                + filterSql(filters);
    }

    private SearchPage filtered(Handle h, CaseStudyFilters filters, int offset, int limit) {
        String where = " FROM case_studies c WHERE 1 = 1" + filterSql(filters);
        int total = bindFilters(h.createQuery("SELECT count(*)" + where), filters).mapTo(Integer.class).one();
        List<SearchHit> hits = bindFilters(h.createQuery("SELECT c.*" + where
                        + " ORDER BY coalesce(c.year, 0) DESC, c.title LIMIT :limit OFFSET :offset")
                .bind("limit", limit).bind("offset", offset), filters)
                .map((rs, ctx) -> {
                    CaseStudy cs = CASE_STUDY.map(rs, ctx);
                    return new SearchHit(cs, cs.summary());
                }).list();
        return new SearchPage(hits, total, offset, SearchPage.Match.FILTERS_ONLY);
    }

    /**
     * The words with each word the library does not know replaced by the closest word it does know (see
     * {@link LibraryVocabulary#closest}); empty when nothing could be corrected.
     */
    public Optional<String> correctedSpelling(List<String> words) {
        LibraryVocabulary known = vocabulary.get(LibraryVocabulary::read);
        List<String> corrected = new ArrayList<>();
        boolean changed = false;
        for (String word : words) {
            String best = known.knows(word) ? word : known.closest(word).orElse(word);
            changed |= !best.equals(word);
            corrected.add(best);
        }
        return changed ? Optional.of(String.join(" ", corrected)) : Optional.empty();
    }

    /** Each word the library does not know that has a close word it does know, with that word. */
    public Map<String, String> corrections(List<String> words) {
        LibraryVocabulary known = vocabulary.get(LibraryVocabulary::read);
        Map<String, String> corrected = new java.util.LinkedHashMap<>();
        for (String word : words) {
            if (!known.knows(word)) {
                known.closest(word).ifPresent(best -> corrected.put(word, best));
            }
        }
        return corrected;
    }

    /** The studies of these ids, by id. */
    public Map<Long, CaseStudy> findAll(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> {
            Map<Long, CaseStudy> found = new java.util.HashMap<>();
            h.createQuery("SELECT * FROM case_studies WHERE id IN (<ids>)").bindList("ids", ids).map(CASE_STUDY)
                    .forEach(cs -> found.put(cs.id(), cs));
            return found;
        });
    }

    /** The ids of every study the filters allow. */
    public java.util.Set<Long> idsMatching(CaseStudyFilters filters) {
        return jdbi.withHandle(h -> new java.util.HashSet<>(bindFilters(h.createQuery(
                "SELECT c.id FROM case_studies c WHERE 1 = 1" + filterSql(filters)), filters).mapTo(Long.class).list()));
    }

    private static String filterSql(CaseStudyFilters filters) {
        StringBuilder sql = new StringBuilder();
        filters.topic().ifPresent(t -> sql.append(
                " AND c.id IN (SELECT case_study_id FROM case_study_topics WHERE topic_code = :topic)"));
        filters.region().ifPresent(r -> sql.append(" AND c.region_code = :region"));
        filters.kind().ifPresent(k -> sql.append(" AND c.kind = :kind"));
        filters.year().ifPresent(y -> sql.append(" AND c.year = :year"));
        return sql.toString();
    }

    private static Query bindFilters(Query query, CaseStudyFilters filters) {
        filters.topic().ifPresent(t -> query.bind("topic", t));
        filters.region().ifPresent(r -> query.bind("region", r));
        filters.kind().ifPresent(k -> query.bind("kind", k.name()));
        filters.year().ifPresent(y -> query.bind("year", y));
        return query;
    }

    /** Inserts or updates by slug, inside the caller's transaction; the indexes follow by trigger. */
    public UpsertOutcome upsert(Handle h, CaseStudyData data) {
        Optional<CaseStudy> existing = h.createQuery("SELECT * FROM case_studies WHERE slug = :slug")
                .bind("slug", data.slug()).map(CASE_STUDY).findOne();
        if (existing.isPresent() && same(existing.get(), data)) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("""
                INSERT INTO case_studies (slug, title, kind, summary, body, link, region_code, year, councils, topics,
                                          created_at, updated_at)
                VALUES (:slug, :title, :kind, :summary, :body, :link, :region, :year, :councils, :topics, :now, :now)
                ON CONFLICT (slug) DO UPDATE SET title = excluded.title, kind = excluded.kind,
                    summary = excluded.summary, body = excluded.body, link = excluded.link,
                    region_code = excluded.region_code, year = excluded.year, councils = excluded.councils,
                    topics = excluded.topics, updated_at = excluded.updated_at
                """).bind("slug", data.slug()).bind("title", data.title()).bind("kind", data.kind().name())
                .bind("summary", data.summary()).bind("body", data.body()).bind("link", data.link().orElse(null))
                .bind("region", data.regionCode().orElse(null)).bind("year", data.year().orElse(null))
                .bind("councils", String.join("\n", data.councils())).bind("topics", String.join("\n", data.topics()))
                .bind("now", clock.instant()).execute();
        long id = h.createQuery("SELECT id FROM case_studies WHERE slug = :slug").bind("slug", data.slug())
                .mapTo(Long.class).one();
        h.createUpdate("DELETE FROM case_study_topics WHERE case_study_id = :id").bind("id", id).execute();
        for (String topic : data.topics()) {
            h.createUpdate("INSERT OR IGNORE INTO case_study_topics (case_study_id, topic_code) VALUES (:id, :topic)")
                    .bind("id", id).bind("topic", topic).execute();
        }
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    private static boolean same(CaseStudy cs, CaseStudyData data) {
        return cs.title().equals(data.title()) && cs.kind() == data.kind() && cs.summary().equals(data.summary())
                && cs.body().equals(data.body()) && cs.link().equals(data.link())
                && cs.regionCode().equals(data.regionCode()) && cs.year().equals(data.year())
                && cs.councils().equals(data.councils()) && cs.topics().equals(data.topics());
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The kinds by the words people use for them: "lab", "prototype", "case study". */
    public static Optional<CaseStudyKind> kindNamed(String text) {
        String t = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (t.startsWith("lab") || t.equals("policylab") || t.equals("policylabs")) {
            return Optional.of(CaseStudyKind.POLICY_LAB);
        }
        if (t.startsWith("proto") || t.startsWith("policyproto")) {
            return Optional.of(CaseStudyKind.POLICY_PROTOTYPE);
        }
        if (t.startsWith("case")) {
            return Optional.of(CaseStudyKind.CASE_STUDY);
        }
        return Optional.empty();
    }
}
