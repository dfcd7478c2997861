package org.ccin.store.casestudies;

import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Topics of the library. Thread-safe. */
public final class TopicRepository {
    private static final RowMapper<Topic> TOPIC = (rs, ctx) -> new Topic(rs.getString("code"), rs.getString("name_en"),
            rs.getString("name_cy"), CaseStudyRepository.lines(rs.getString("synonyms")), rs.getInt("sort_order"));

    private final Jdbi jdbi;

    public TopicRepository(Database database) {
        this.jdbi = database.jdbi();
    }

    public List<Topic> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics ORDER BY sort_order, code").map(TOPIC).list());
    }

    public Optional<Topic> find(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM topics WHERE code = :code").bind("code", code)
                .map(TOPIC).findOne());
    }

    /** Inserts or updates by code, inside the caller's transaction. */
    public static UpsertOutcome upsert(Handle h, Topic topic) {
        Optional<Topic> existing = h.createQuery("SELECT * FROM topics WHERE code = :code").bind("code", topic.code())
                .map(TOPIC).findOne();
        if (existing.isPresent() && existing.get().equals(topic)) {
            return UpsertOutcome.UNCHANGED;
        }
        h.createUpdate("""
                INSERT INTO topics (code, name_en, name_cy, synonyms, sort_order)
                VALUES (:code, :nameEn, :nameCy, :synonyms, :sortOrder)
                ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_cy = excluded.name_cy,
                    synonyms = excluded.synonyms, sort_order = excluded.sort_order
                """).bindMethods(topic).bind("synonyms", String.join("\n", topic.synonyms())).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }
}
