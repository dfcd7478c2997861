package org.ccin.store.newsletters;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ccin.store.Database;
import org.ccin.store.internal.Rows;
import org.ccin.store.outbox.OutboxMessage;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.outbox.OutboxStatus;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Newsletters: drafts, their audience, and the moves between states. Each move happens only from the state it
 * starts from (a second tap on Send finds the newsletter sending already and does nothing); starting a newsletter
 * queues one outbox row per recipient in the same transaction. Thread-safe.
 */
public final class NewsletterRepository {
    /** The outbox kind of newsletter deliveries to members; ref_id is the newsletter's id. */
    public static final String KIND = "newsletter";
    /** The outbox kind of the copy posted to the network's channel (not counted in the delivery report). */
    public static final String CHANNEL_KIND = "newsletter-channel";

    private static final RowMapper<Newsletter> ROW = (rs, ctx) -> new Newsletter(rs.getLong("id"),
            new Content(rs.getString("title"), rs.getString("body"), Media.valueOf(rs.getString("media")),
                    Rows.text(rs, "file_id"), LinkButton.decode(rs.getString("link_buttons"))),
            new Audience(rs.getString("topic"),
                    Audience.split(rs.getString("audience_groups")).stream().map(Long::valueOf)
                            .collect(Collectors.toSet()),
                    Set.copyOf(Audience.split(rs.getString("audience_categories"))),
                    Set.copyOf(Audience.split(rs.getString("audience_regions")))),
            NewsletterStatus.valueOf(rs.getString("status")), rs.getLong("created_by"),
            Rows.requiredInstant(rs, "created_at"), Rows.instant(rs, "scheduled_at"), Rows.instant(rs, "started_at"),
            Rows.instant(rs, "finished_at"), rs.getInt("recipients"), Rows.number(rs, "report_chat_id"),
            Rows.number(rs, "report_message_id").map(Long::intValue), Rows.number(rs, "delivered").map(Long::intValue));
    private static final RowMapper<Recipient> RECIPIENT = (rs, ctx) -> new Recipient(rs.getLong("id"),
            rs.getLong("telegram_user_id"), rs.getString("language"));

    private final Jdbi jdbi;
    private final Clock clock;

    public NewsletterRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /** A new draft for the subscribers of a topic. @return its id */
    public long createDraft(Content content, String topic, long createdBy) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO newsletters (title, body, media, file_id, link_buttons, topic, created_by, created_at,
                                         updated_at)
                VALUES (:title, :body, :media, :fileId, :buttons, :topic, :by, :now, :now)
                """).bind("title", content.title()).bind("body", content.body()).bind("media", content.media().name())
                .bind("fileId", content.fileId().orElse(null)).bind("buttons", LinkButton.encode(content.buttons()))
                .bind("topic", topic).bind("by", createdBy).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    public Optional<Newsletter> find(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM newsletters WHERE id = :id").bind("id", id)
                .map(ROW).findOne());
    }

    /** Replaces a draft's content. @return false when it is no longer a draft */
    public boolean updateContent(long id, Content content) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletters SET title = :title, body = :body, media = :media, file_id = :fileId,
                    link_buttons = :buttons, updated_at = :now
                WHERE id = :id AND status = 'DRAFT'
                """).bind("title", content.title()).bind("body", content.body()).bind("media", content.media().name())
                .bind("fileId", content.fileId().orElse(null)).bind("buttons", LinkButton.encode(content.buttons()))
                .bind("now", clock.instant()).bind("id", id).execute()) == 1;
    }

    /** Replaces a draft's audience. @return false when it is no longer a draft */
    public boolean updateAudience(long id, Audience audience) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletters SET topic = :topic, audience_groups = :groups, audience_categories = :categories,
                    audience_regions = :regions, updated_at = :now
                WHERE id = :id AND status = 'DRAFT'
                """).bind("topic", audience.topic()).bind("groups", Audience.join(audience.groupIds()))
                .bind("categories", Audience.join(audience.categories())).bind("regions", Audience.join(audience.regions()))
                .bind("now", clock.instant()).bind("id", id).execute()) == 1;
    }

    /** Deletes a draft. @return false when it is not a draft */
    public boolean deleteDraft(long id) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM newsletters WHERE id = :id AND status = 'DRAFT'")
                .bind("id", id).execute()) == 1;
    }

    /** Newsletters not finished: drafts, scheduled, sending and paused, newest first. */
    public List<Newsletter> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM newsletters WHERE status IN ('DRAFT', 'SCHEDULED', "
                + "'SENDING', 'PAUSED') ORDER BY id DESC").map(ROW).list());
    }

    /** Sent newsletters, newest first: the archive members see. */
    public List<Newsletter> archive(int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM newsletters WHERE status = 'SENT' "
                + "ORDER BY started_at DESC, id DESC LIMIT :limit").bind("limit", limit).map(ROW).list());
    }

    /** How many members the audience reaches now. */
    public int countRecipients(Audience audience) {
        return jdbi.withHandle(h -> recipientsQuery(h, audience, "count(*)").mapTo(Integer.class).one());
    }

    public List<Recipient> recipients(Audience audience) {
        return jdbi.withHandle(h -> recipientsQuery(h, audience, "m.id, m.telegram_user_id, m.language")
                .map(RECIPIENT).list());
    }

    private static Query recipientsQuery(Handle h, Audience audience, String columns) {
        return recipientsQuery(h, audience, columns, -1, 0);
    }

    /** The audience's recipients; with {@code limit} above 0, the next ones after member id {@code after}. */
    private static Query recipientsQuery(Handle h, Audience audience, String columns, long after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + columns + """
                 FROM members m
                JOIN newsletter_subscriptions s ON s.member_id = m.id AND s.ended_at IS NULL AND s.topic = :topic
                WHERE m.unreachable_at IS NULL AND m.registered_at IS NOT NULL
                """);
        if (!audience.categories().isEmpty()) {
            sql.append(" AND m.category_code IN (<categories>)");
        }
        if (!audience.regions().isEmpty()) {
            sql.append(" AND m.region_code IN (<regions>)");
        }
        if (!audience.groupIds().isEmpty()) {
            sql.append(" AND EXISTS (SELECT 1 FROM group_memberships g WHERE g.telegram_user_id = m.telegram_user_id "
                    + "AND g.status = 'JOINED' AND g.group_id IN (<groups>))");
        }
        if (limit > 0) {
            sql.append(" AND m.id > :after");
        }
        if (!columns.startsWith("count")) {
            sql.append(" ORDER BY m.id");
        }
        if (limit > 0) {
            sql.append(" LIMIT :limit");
        }
        Query query = h.createQuery(sql.toString()).bind("topic", audience.topic());
        if (limit > 0) {
            query.bind("after", after).bind("limit", limit);
        }
        if (!audience.categories().isEmpty()) {
            query.bindList("categories", new ArrayList<>(audience.categories()));
        }
        if (!audience.regions().isEmpty()) {
            query.bindList("regions", new ArrayList<>(audience.regions()));
        }
        if (!audience.groupIds().isEmpty()) {
            query.bindList("groups", new ArrayList<>(audience.groupIds()));
        }
        return query;
    }

    /** A draft waits for its time. @return false when it is not a draft */
    public boolean schedule(long id, Instant at, long by) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletters SET status = 'SCHEDULED', scheduled_at = :at, started_by = :by, updated_at = :now
                WHERE id = :id AND status = 'DRAFT'
                """).bind("at", at).bind("by", by).bind("now", clock.instant()).bind("id", id).execute()) == 1;
    }

    /** A scheduled newsletter goes back to being a draft. @return false when it was not scheduled (any more) */
    public boolean unschedule(long id) {
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletters SET status = 'DRAFT', scheduled_at = NULL, updated_at = :now
                WHERE id = :id AND status = 'SCHEDULED'
                """).bind("now", clock.instant()).bind("id", id).execute()) == 1;
    }

    /** Scheduled newsletters whose time has come. */
    public List<Long> dueScheduled() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM newsletters WHERE status = 'SCHEDULED' "
                + "AND scheduled_at <= :now ORDER BY scheduled_at, id").bind("now", clock.instant())
                .mapTo(Long.class).list());
    }

    /** The member of staff who scheduled or started a newsletter (who hears its report). */
    public Optional<Long> startedBy(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT started_by FROM newsletters WHERE id = :id")
                .bind("id", id).mapTo(Long.class).findOne());
    }

    /**
     * Starts delivering a draft or scheduled newsletter: in one transaction it becomes SENDING and one outbox row
     * per recipient is queued (plus {@code extra}, e.g. the channel's copy).
     *
     * @param message the outbox message of one recipient
     * @return how many recipients, or empty when it was not a draft or scheduled (started already, or cancelled)
     */
    public Optional<Integer> start(long id, long by, Function<Recipient, OutboxMessage> message,
                                   List<OutboxMessage> extra) {
        Optional<Integer> started = begin(id, by, extra);
        if (started.isPresent()) {
            while (!queueNext(id, message, Integer.MAX_VALUE).done()) {
                // one chunk holds everyone
            }
        }
        return started;
    }

    /**
     * Starts a draft or scheduled newsletter without queueing its deliveries yet: it is SENDING, with its recipients
     * counted, and {@code extra} (e.g. the channel's copy) queued; {@link #queueNext} then queues the deliveries in
     * chunks, so that no transaction holds the database's writer for long.
     *
     * @return how many recipients, or empty when it was not a draft or scheduled (started already, or cancelled)
     */
    public Optional<Integer> begin(long id, long by, List<OutboxMessage> extra) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Newsletter> newsletter = h.createQuery("SELECT * FROM newsletters WHERE id = :id")
                    .bind("id", id).map(ROW).findOne();
            if (newsletter.isEmpty() || !(newsletter.get().status() == NewsletterStatus.DRAFT
                    || newsletter.get().status() == NewsletterStatus.SCHEDULED)) {
                return Optional.empty();
            }
            int count = recipientsQuery(h, newsletter.get().audience(), "count(*)").mapTo(Integer.class).one();
            OutboxRepository.enqueue(h, extra, OutboxStatus.PENDING, now);
            h.createUpdate("""
                    UPDATE newsletters SET status = 'SENDING', started_at = :now, recipients = :count,
                        started_by = coalesce(started_by, :by), updated_at = :now, queued_until = 0
                    WHERE id = :id
                    """).bind("now", now).bind("count", count).bind("by", by).bind("id", id).execute();
            return Optional.of(count);
        });
    }

    /** What one {@link #queueNext} did: how many deliveries it queued, and whether all are queued now. */
    public record Chunk(int queued, boolean done) {
    }

    /**
     * Queues the next chunk of a started newsletter's deliveries (as HELD while it is paused), in one short
     * transaction. Once the last is queued, its recipients are the deliveries queued (a member who subscribed in
     * the meantime counts). A cancelled newsletter queues nothing more.
     */
    public Chunk queueNext(long id, Function<Recipient, OutboxMessage> message, int chunk) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Newsletter> newsletter = h.createQuery("SELECT * FROM newsletters WHERE id = :id")
                    .bind("id", id).map(ROW).findOne();
            Optional<Long> cursor = h.createQuery("SELECT queued_until FROM newsletters WHERE id = :id")
                    .bind("id", id).mapTo(Long.class).findOne();
            if (newsletter.isEmpty() || cursor.isEmpty()) {
                return new Chunk(0, true);
            }
            NewsletterStatus status = newsletter.get().status();
            if (status != NewsletterStatus.SENDING && status != NewsletterStatus.PAUSED) {
                h.createUpdate("UPDATE newsletters SET queued_until = NULL WHERE id = :id").bind("id", id).execute();
                return new Chunk(0, true);
            }
            List<Recipient> recipients = recipientsQuery(h, newsletter.get().audience(),
                    "m.id, m.telegram_user_id, m.language", cursor.get(), chunk).map(RECIPIENT).list();
            List<OutboxMessage> messages = new ArrayList<>(recipients.size());
            recipients.forEach(recipient -> messages.add(message.apply(recipient)));
            OutboxRepository.enqueue(h, messages, status == NewsletterStatus.PAUSED ? OutboxStatus.HELD
                    : OutboxStatus.PENDING, now);
            boolean done = recipients.size() < chunk;
            if (done) {
                h.createUpdate("""
                        UPDATE newsletters SET queued_until = NULL, updated_at = :now,
                            recipients = (SELECT count(*) FROM outbox o WHERE o.kind = :kind AND o.ref_id = :id)
                        WHERE id = :id
                        """).bind("now", now).bind("kind", KIND).bind("id", id).execute();
            } else {
                h.createUpdate("UPDATE newsletters SET queued_until = :last WHERE id = :id")
                        .bind("last", recipients.get(recipients.size() - 1).memberId()).bind("id", id).execute();
            }
            return new Chunk(recipients.size(), done);
        });
    }

    /** Newsletters started whose deliveries are not all queued yet (a restart carries on queueing them). */
    public List<Long> queueing() {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM newsletters WHERE queued_until IS NOT NULL "
                + "AND status IN ('SENDING', 'PAUSED') ORDER BY id").mapTo(Long.class).list());
    }

    /** Holds the deliveries not yet made. @return false when it was not sending */
    public boolean pause(long id) {
        return move(id, NewsletterStatus.SENDING, NewsletterStatus.PAUSED, OutboxStatus.PENDING, OutboxStatus.HELD);
    }

    /** Releases the held deliveries. @return false when it was not paused */
    public boolean resume(long id) {
        return move(id, NewsletterStatus.PAUSED, NewsletterStatus.SENDING, OutboxStatus.HELD, OutboxStatus.PENDING);
    }

    /** Stops a sending or paused newsletter for good: what was not delivered yet never will be. */
    public boolean cancel(long id) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE newsletters SET status = 'CANCELLED', finished_at = :now, "
                    + "updated_at = :now, delivered = (SELECT count(*) FROM outbox o WHERE o.kind = 'newsletter' "
                    + "AND o.ref_id = :id AND o.status = 'SENT') WHERE id = :id AND status IN ('SENDING', 'PAUSED')")
                    .bind("now", now).bind("id", id).execute();
            if (changed == 0) {
                return false;
            }
            // rows handed to the sender but not yet called are taken back too (see OutboxRepository.markCalled)
            h.createUpdate("UPDATE outbox SET status = 'CANCELLED', updated_at = :now WHERE kind IN (<kinds>) "
                    + "AND ref_id = :id AND (status IN ('PENDING', 'HELD') OR (status = 'SENDING' AND called_at IS NULL))").bindList("kinds", List.of(KIND, CHANNEL_KIND))
                    .bind("now", now).bind("id", id).execute();
            return true;
        });
    }

    private boolean move(long id, NewsletterStatus from, NewsletterStatus to, OutboxStatus rowsFrom,
                         OutboxStatus rowsTo) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            int changed = h.createUpdate("UPDATE newsletters SET status = :to, updated_at = :now "
                    + "WHERE id = :id AND status = :from").bind("to", to.name()).bind("from", from.name())
                    .bind("now", now).bind("id", id).execute();
            if (changed == 0) {
                return false;
            }
            // pausing also takes back rows handed to the sender but not yet called (see OutboxRepository.markCalled)
            String takenBack = rowsTo == OutboxStatus.HELD ? " OR (status = 'SENDING' AND called_at IS NULL)" : "";
            h.createUpdate("UPDATE outbox SET status = :to, updated_at = :now, called_at = NULL WHERE kind IN (<kinds>) "
                    + "AND ref_id = :id AND (status = :from" + takenBack + ")").bindList("kinds", List.of(KIND, CHANNEL_KIND))
                    .bind("to", rowsTo.name()).bind("from", rowsFrom.name()).bind("now", now).bind("id", id).execute();
            return true;
        });
    }

    /**
     * Marks a sending newsletter SENT once none of its deliveries waits or is under way.
     *
     * @return true when this call finished it
     */
    public boolean finishIfDelivered(long id) {
        Instant now = clock.instant();
        return jdbi.withHandle(h -> h.createUpdate("""
                UPDATE newsletters SET status = 'SENT', finished_at = :now, updated_at = :now,
                    delivered = (SELECT count(*) FROM outbox o WHERE o.kind = :kind AND o.ref_id = :id
                                 AND o.status = 'SENT')
                WHERE id = :id AND status = 'SENDING' AND queued_until IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = :kind AND o.ref_id = :id
                                  AND o.status IN ('PENDING', 'SENDING', 'HELD'))
                """).bind("now", now).bind("id", id).bind("kind", KIND).execute()) == 1;
    }

    /** Newsletters being delivered now. */
    public List<Newsletter> sending() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM newsletters WHERE status = 'SENDING' ORDER BY id")
                .map(ROW).list());
    }

    /** Remembers the message that shows a newsletter's delivery report. */
    public void setReportMessage(long id, long chatId, int messageId) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE newsletters SET report_chat_id = :chat, report_message_id = :msg "
                + "WHERE id = :id").bind("chat", chatId).bind("msg", messageId).bind("id", id).execute());
    }

    /** Records a member's tap on one of a newsletter's buttons. @return false when they had tapped it before */
    public boolean recordTap(long id, long memberId, String button) {
        return jdbi.withHandle(h -> h.createUpdate("""
                INSERT INTO newsletter_taps (newsletter_id, member_id, button, tapped_at) VALUES (:id, :member, :button, :now)
                ON CONFLICT DO NOTHING
                """).bind("id", id).bind("member", memberId).bind("button", button).bind("now", clock.instant())
                .execute()) == 1;
    }

    /** How many people tapped each button of a newsletter. */
    public Map<String, Integer> taps(long id) {
        Map<String, Integer> taps = new TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT button, count(*) AS n FROM newsletter_taps WHERE newsletter_id = :id "
                + "GROUP BY button").bind("id", id).map((rs, ctx) -> taps.put(rs.getString("button"), rs.getInt("n")))
                .list());
        return taps;
    }
}
