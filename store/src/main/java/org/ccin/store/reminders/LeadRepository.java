package org.ccin.store.reminders;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** Which members stand behind the plan's named leads, and the one-time links to claim an action. Thread-safe. */
public final class LeadRepository {
    private static final RowMapper<LeadLink> LINK = (rs, ctx) -> new LeadLink(rs.getLong("id"),
            rs.getLong("action_id"), rs.getString("lead_name"), rs.getLong("member_id"),
            rs.getLong("telegram_user_id"), rs.getString("first_name"), Rows.text(rs, "username"),
            LeadLink.Status.valueOf(rs.getString("status")), LeadLink.Method.valueOf(rs.getString("how")),
            Rows.requiredInstant(rs, "linked_at"));
    private static final RowMapper<LeadClaim> CLAIM = (rs, ctx) -> new LeadClaim(rs.getString("token"),
            rs.getLong("action_id"), rs.getString("lead_name"), rs.getLong("created_by"),
            Rows.requiredInstant(rs, "expires_at"), Rows.instant(rs, "claimed_at"));
    private static final String LINKS = "SELECT l.*, m.telegram_user_id, m.first_name, m.username FROM lead_links l "
            + "JOIN members m ON m.id = l.member_id ";
    private static final char[] TOKEN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Clock clock;

    public LeadRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Links a member to an action as the named lead; a member who had said "Not me" is linked again.
     *
     * @param linkedBy the staff member who did it
     * @return false when they were already an active lead of the action (nothing changed)
     */
    public boolean link(long actionId, String leadName, long memberId, LeadLink.Method how, Optional<Long> linkedBy) {
        return jdbi.inTransaction(h -> link(h, actionId, leadName, memberId, how, linkedBy.orElse(null),
                clock.instant()));
    }

    private static boolean link(Handle h, long actionId, String leadName, long memberId, LeadLink.Method how,
                                Long linkedBy, Instant now) {
        return h.createUpdate("""
                INSERT INTO lead_links (action_id, lead_name, member_id, how, linked_by, linked_at, updated_at)
                VALUES (:action, :lead, :member, :how, :by, :now, :now)
                ON CONFLICT (action_id, member_id) DO UPDATE SET status = 'ACTIVE', lead_name = excluded.lead_name,
                    how = excluded.how, linked_by = excluded.linked_by, linked_at = excluded.linked_at,
                    updated_at = excluded.updated_at
                WHERE lead_links.status <> 'ACTIVE' OR lead_links.lead_name <> excluded.lead_name
                """).bind("action", actionId).bind("lead", leadName).bind("member", memberId).bind("how", how.name())
                .bind("by", linkedBy).bind("now", now).execute() > 0;
    }

    /** Removes a link (staff). @return the link removed */
    public Optional<LeadLink> unlink(long linkId) {
        return jdbi.inTransaction(h -> {
            Optional<LeadLink> link = h.createQuery(LINKS + "WHERE l.id = :id").bind("id", linkId).map(LINK).findOne();
            link.ifPresent(l -> h.createUpdate("DELETE FROM lead_links WHERE id = :id").bind("id", linkId).execute());
            return link;
        });
    }

    /** The member said "Not me": no more reminders of this action for them. @return false when not linked */
    public boolean decline(long actionId, long memberId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE lead_links SET status = 'DECLINED', updated_at = :now "
                + "WHERE action_id = :action AND member_id = :member AND status = 'ACTIVE'").bind("action", actionId)
                .bind("member", memberId).bind("now", clock.instant()).execute() > 0);
    }

    /** Everyone linked to an action, active first. */
    public List<LeadLink> links(long actionId) {
        return jdbi.withHandle(h -> h.createQuery(LINKS + "WHERE l.action_id = :action ORDER BY l.status, l.linked_at")
                .bind("action", actionId).map(LINK).list());
    }

    public Optional<LeadLink> link(long linkId) {
        return jdbi.withHandle(h -> h.createQuery(LINKS + "WHERE l.id = :id").bind("id", linkId).map(LINK).findOne());
    }

    /** The active link of this Telegram user to this action: what lets them answer for it. */
    public Optional<LeadLink> activeLink(long actionId, long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery(LINKS + "WHERE l.action_id = :action AND m.telegram_user_id = :user "
                + "AND l.status = 'ACTIVE'").bind("action", actionId).bind("user", telegramUserId).map(LINK).findOne());
    }

    /** The actions this Telegram user actively leads, in plan order. */
    public List<Long> actionsLedBy(long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT l.action_id FROM lead_links l JOIN members m ON m.id = l.member_id
                JOIN actions a ON a.id = l.action_id JOIN plans p ON p.code = a.plan_code
                WHERE m.telegram_user_id = :user AND l.status = 'ACTIVE'
                ORDER BY p.is_current DESC, p.sort_order, a.sort_order
                """).bind("user", telegramUserId).mapTo(Long.class).list());
    }

    public boolean isLead(long telegramUserId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM lead_links l JOIN members m ON m.id = l.member_id "
                + "WHERE m.telegram_user_id = :user AND l.status = 'ACTIVE'").bind("user", telegramUserId)
                .mapTo(Integer.class).one() > 0);
    }

    /** Actions of the current plan, not complete, that nobody is linked to: nobody to remind. */
    public List<Long> actionsWithoutLead() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT a.id FROM actions a JOIN plans p ON p.code = a.plan_code
                WHERE p.is_current = 1 AND a.progress <> 'COMPLETE'
                  AND NOT EXISTS (SELECT 1 FROM lead_links l WHERE l.action_id = a.id AND l.status = 'ACTIVE')
                ORDER BY a.sort_order
                """).mapTo(Long.class).list());
    }

    // ------------------------------------------------------------------ claim links

    /** A new one-time link for whoever opens it to become the named lead of an action. @return its token */
    public String createClaim(long actionId, String leadName, long createdBy, Duration lifetime) {
        String token = token();
        Instant now = clock.instant();
        jdbi.useHandle(h -> h.createUpdate("""
                INSERT INTO lead_claims (token, action_id, lead_name, created_by, created_at, expires_at)
                VALUES (:token, :action, :lead, :by, :now, :expires)
                """).bind("token", token).bind("action", actionId).bind("lead", leadName).bind("by", createdBy)
                .bind("now", now).bind("expires", now.plus(lifetime)).execute());
        return token;
    }

    public Optional<LeadClaim> claim(String token) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM lead_claims WHERE token = :token")
                .bind("token", token).map(CLAIM).findOne());
    }

    /** Uses a claim link for this member, once: the link and the claim happen in one transaction. */
    public ClaimOutcome redeem(String token, long memberId) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<LeadClaim> claim = h.createQuery("SELECT * FROM lead_claims WHERE token = :token")
                    .bind("token", token).map(CLAIM).findOne();
            if (claim.isEmpty()) {
                return ClaimOutcome.UNKNOWN;
            }
            if (claim.get().claimedAt().isPresent()) {
                return ClaimOutcome.USED;
            }
            if (!now.isBefore(claim.get().expiresAt())) {
                return ClaimOutcome.EXPIRED;
            }
            h.createUpdate("UPDATE lead_claims SET claimed_by = :member, claimed_at = :now WHERE token = :token")
                    .bind("member", memberId).bind("now", now).bind("token", token).execute();
            boolean linked = link(h, claim.get().actionId(), claim.get().leadName(), memberId, LeadLink.Method.CLAIMED,
                    claim.get().createdBy(), now);
            return linked ? ClaimOutcome.LINKED : ClaimOutcome.ALREADY_LINKED;
        });
    }

    private static String token() {
        char[] token = new char[20];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_LETTERS[RANDOM.nextInt(TOKEN_LETTERS.length)];
        }
        return new String(token);
    }
}
