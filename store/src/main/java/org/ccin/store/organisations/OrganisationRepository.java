package org.ccin.store.organisations;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/** The imported list of the network's organisations. Thread-safe. */
public final class OrganisationRepository {
    /** Words too common in council names to tell one from another. */
    private static final Set<String> COMMON_WORDS = Set.of("council", "city", "borough", "metropolitan",
            "county", "district", "of", "the", "and", "mbc", "cc", "bc", "dc", "royal", "london");

    private static final RowMapper<Organisation> ORGANISATION = (rs, ctx) -> new Organisation(
            rs.getLong("id"), rs.getString("name"), Rows.text(rs, "category_code"), Rows.text(rs, "region_code"),
            rs.getInt("network_member") == 1);

    private final Jdbi jdbi;
    private final Clock clock;

    public OrganisationRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    public Optional<Organisation> findById(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organisations WHERE id = :id")
                .bind("id", id).map(ORGANISATION).findOne());
    }

    public Optional<Organisation> findByName(String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organisations WHERE name_key = :key")
                .bind("key", NameKey.of(name)).map(ORGANISATION).findOne());
    }

    public int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM organisations").mapTo(Integer.class).one());
    }

    /**
     * Organisations whose name contains every word typed (in any order); when none does, those that contain the
     * distinctive words ("Oldham MBC" still finds "Oldham Council"). Exact and prefix matches come first.
     */
    public List<Organisation> search(String typed, int limit) {
        String key = NameKey.of(typed);
        if (key.isEmpty()) {
            return List.of();
        }
        List<String> words = Arrays.asList(key.split(" "));
        List<Organisation> all = matching(key, words, limit);
        if (!all.isEmpty()) {
            return all;
        }
        List<String> distinctive = words.stream().filter(w -> !COMMON_WORDS.contains(w)).collect(Collectors.toList());
        if (distinctive.isEmpty() || distinctive.size() == words.size()) {
            return List.of();
        }
        return matching(String.join(" ", distinctive), distinctive, limit);
    }

    private List<Organisation> matching(String key, List<String> words, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM organisations WHERE 1 = 1");
        for (int i = 0; i < words.size(); i++) {
            sql.append(" AND (' ' || name_key || ' ') LIKE :w").append(i).append(" ").append(Rows.LIKE_ESCAPE);
        }
        sql.append(" ORDER BY name_key = :key DESC, name_key LIKE :prefix ").append(Rows.LIKE_ESCAPE)
                .append(" DESC, length(name_key), name_key")
                .append(" LIMIT :limit");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString());
            for (int i = 0; i < words.size(); i++) {
                // a word must start a word of the name: "ham" does not find "Oldham"
                query.bind("w" + i, "% " + Rows.likeLiteral(words.get(i)) + "%");
            }
            return query.bind("key", key).bind("prefix", Rows.likeLiteral(key) + "%").bind("limit", limit)
                    .map(ORGANISATION).list();
        });
    }

    /** Staff mark an organisation as in or out of the network. @return false when it does not exist */
    public boolean setNetworkMember(long id, boolean member) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE organisations SET network_member = :member, updated_at = :now "
                + "WHERE id = :id").bind("member", member ? 1 : 0).bind("now", clock.instant()).bind("id", id)
                .execute()) == 1;
    }

    public List<Organisation> all() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM organisations ORDER BY name_key")
                .map(ORGANISATION).list());
    }

    /** Inserts or updates by name, inside the caller's transaction. */
    public UpsertOutcome upsert(Handle handle, OrganisationData data) {
        String key = NameKey.of(data.name());
        Optional<Organisation> existing = handle.createQuery("SELECT * FROM organisations WHERE name_key = :key")
                .bind("key", key).map(ORGANISATION).findOne();
        if (existing.isEmpty()) {
            handle.createUpdate("""
                    INSERT INTO organisations (name, name_key, category_code, region_code, network_member,
                                               created_at, updated_at)
                    VALUES (:name, :key, :category, :region, :member, :now, :now)
                    """).bind("name", data.name()).bind("key", key)
                    .bind("category", data.categoryCode().orElse(null))
                    .bind("region", data.regionCode().orElse(null))
                    .bind("member", data.networkMember() ? 1 : 0).bind("now", clock.instant()).execute();
            return UpsertOutcome.ADDED;
        }
        Organisation before = existing.get();
        Organisation after = new Organisation(before.id(), data.name(), data.categoryCode(), data.regionCode(),
                data.networkMember());
        if (after.equals(before)) {
            return UpsertOutcome.UNCHANGED;
        }
        handle.createUpdate("""
                UPDATE organisations SET name = :name, category_code = :category, region_code = :region,
                    network_member = :member, updated_at = :now WHERE id = :id
                """).bind("name", data.name()).bind("category", data.categoryCode().orElse(null))
                .bind("region", data.regionCode().orElse(null)).bind("member", data.networkMember() ? 1 : 0)
                .bind("now", clock.instant()).bind("id", before.id()).execute();
        return UpsertOutcome.UPDATED;
    }
}
