package org.ccin.store.reference;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.UpsertOutcome;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Membership categories and regions: small lists that the registration buttons are built from. Thread-safe. */
public final class ReferenceDataRepository {
    private static final RowMapper<MembershipCategory> CATEGORY = (rs, ctx) -> new MembershipCategory(
            rs.getString("code"), rs.getString("name_en"), rs.getString("name_cy"),
            rs.getString("description_en"), rs.getString("description_cy"), rs.getInt("sort_order"));
    private static final RowMapper<Region> REGION = (rs, ctx) -> new Region(
            rs.getString("code"), rs.getString("name_en"), rs.getString("name_cy"),
            Region.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getInt("sort_order"));

    private final Jdbi jdbi;

    public ReferenceDataRepository(Database database) {
        this.jdbi = database.jdbi();
    }

    public List<MembershipCategory> categories() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM membership_categories ORDER BY sort_order, code")
                .map(CATEGORY).list());
    }

    public Optional<MembershipCategory> category(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM membership_categories WHERE code = :code")
                .bind("code", code).map(CATEGORY).findOne());
    }

    public List<Region> regions() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM regions ORDER BY sort_order, code")
                .map(REGION).list());
    }

    public Optional<Region> region(String code) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM regions WHERE code = :code")
                .bind("code", code).map(REGION).findOne());
    }

    /** Inserts or updates by code, inside the caller's transaction. */
    public static UpsertOutcome upsert(Handle handle, MembershipCategory category) {
        Optional<MembershipCategory> existing = handle.createQuery(
                "SELECT * FROM membership_categories WHERE code = :code").bind("code", category.code())
                .map(CATEGORY).findOne();
        if (existing.isPresent() && existing.get().equals(category)) {
            return UpsertOutcome.UNCHANGED;
        }
        handle.createUpdate("""
                INSERT INTO membership_categories (code, name_en, name_cy, description_en, description_cy, sort_order)
                VALUES (:code, :nameEn, :nameCy, :descriptionEn, :descriptionCy, :sortOrder)
                ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_cy = excluded.name_cy,
                    description_en = excluded.description_en, description_cy = excluded.description_cy,
                    sort_order = excluded.sort_order
                """).bindMethods(category).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }

    /** Inserts or updates by code, inside the caller's transaction. */
    public static UpsertOutcome upsert(Handle handle, Region region) {
        Optional<Region> existing = handle.createQuery("SELECT * FROM regions WHERE code = :code")
                .bind("code", region.code()).map(REGION).findOne();
        if (existing.isPresent() && existing.get().equals(region)) {
            return UpsertOutcome.UNCHANGED;
        }
        handle.createUpdate("""
                INSERT INTO regions (code, name_en, name_cy, kind, sort_order)
                VALUES (:code, :nameEn, :nameCy, :kind, :sortOrder)
                ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en, name_cy = excluded.name_cy,
                    kind = excluded.kind, sort_order = excluded.sort_order
                """).bindMethods(region).bind("kind", region.kind().name().toLowerCase(Locale.ROOT)).execute();
        return existing.isPresent() ? UpsertOutcome.UPDATED : UpsertOutcome.ADDED;
    }
}
