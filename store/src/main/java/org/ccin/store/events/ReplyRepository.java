package org.ccin.store.events;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.store.Database;
import org.ccin.store.newsletters.Recipient;
import org.jdbi.v3.core.Jdbi;

/** Members' answers to events (Going, Maybe, Can't) and the attendance staff record afterwards. Thread-safe. */
public final class ReplyRepository {
    /** What became of an answer. */
    public enum Outcome {
        SAVED,
        /** Going was asked for, and every place is taken. */
        FULL,
        /** The event is cancelled, over, or unknown: nothing was changed. */
        CLOSED,
        /** The event is for other members (its audience is narrowed, and they were not invited): nothing changed. */
        NOT_FOR_MEMBER
    }

    /** Someone who answered, with their answer and whether staff recorded them as there. */
    public record Replier(long memberId, long telegramUserId, String firstName, Answer answer, boolean attended) {
    }

    private final Jdbi jdbi;
    private final Clock clock;

    public ReplyRepository(Database database, Clock clock) {
        this.jdbi = database.jdbi();
        this.clock = clock;
    }

    /**
     * Records a member's answer, replacing an earlier one. It is refused for a member the event is not for, and Going
     * is refused when the places are taken by others; the checks and the write are one transaction, so two members
     * cannot take the last place together.
     */
    public Outcome answer(long eventId, long memberId, Answer answer) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            Optional<Event> event = h.createQuery("SELECT * FROM events WHERE id = :id").bind("id", eventId)
                    .map(EventRepository.ROW).findOne();
            if (event.isEmpty() || !event.get().takesAnswers(now)) {
                return Outcome.CLOSED;
            }
            // someone who answered and has since left the audience may still say they cannot come
            boolean answered = h.createQuery("""
                    SELECT count(*) FROM event_replies WHERE event_id = :event AND member_id = :member
                    """).bind("event", eventId).bind("member", memberId).mapTo(Integer.class).one() == 1;
            if (!EventAudience.includes(h, event.get(), memberId) && !(answered && answer == Answer.NOT_GOING)) {
                return Outcome.NOT_FOR_MEMBER;
            }
            if (answer == Answer.GOING && event.get().capacity().isPresent()) {
                int others = h.createQuery("""
                        SELECT count(*) FROM event_replies WHERE event_id = :event AND answer = 'GOING'
                          AND member_id <> :member
                        """).bind("event", eventId).bind("member", memberId).mapTo(Integer.class).one();
                if (others >= event.get().capacity().get()) {
                    return Outcome.FULL;
                }
            }
            h.createUpdate("""
                    INSERT INTO event_replies (event_id, member_id, answer, answered_at)
                    VALUES (:event, :member, :answer, :now)
                    ON CONFLICT (event_id, member_id) DO UPDATE SET answer = excluded.answer,
                        answered_at = excluded.answered_at
                    """).bind("event", eventId).bind("member", memberId).bind("answer", answer.name())
                    .bind("now", now).execute();
            return Outcome.SAVED;
        });
    }

    public Optional<Answer> answerOf(long eventId, long memberId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT answer FROM event_replies WHERE event_id = :event AND member_id = :member
                """).bind("event", eventId).bind("member", memberId).mapTo(String.class).findOne()
                .map(Answer::valueOf));
    }

    /** A member's answers by event id. */
    public Map<Long, Answer> answersOf(long memberId) {
        Map<Long, Answer> answers = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT event_id, answer FROM event_replies WHERE member_id = :member")
                .bind("member", memberId)
                .map((rs, ctx) -> answers.put(rs.getLong("event_id"), Answer.valueOf(rs.getString("answer")))).list());
        return answers;
    }

    public int countGoing(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT count(*) FROM event_replies WHERE event_id = :event AND answer = 'GOING'
                """).bind("event", eventId).mapTo(Integer.class).one());
    }

    /** The members going whom the bot can reach, in the order they answered. */
    public List<Recipient> going(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT m.id, m.telegram_user_id, m.language FROM event_replies r JOIN members m ON m.id = r.member_id
                WHERE r.event_id = :event AND r.answer = 'GOING' AND m.unreachable_at IS NULL
                ORDER BY r.answered_at, m.id
                """).bind("event", eventId).map((rs, ctx) -> new Recipient(rs.getLong("id"),
                rs.getLong("telegram_user_id"), rs.getString("language"))).list());
    }

    /** Everyone who answered, Going first, then Maybe, then Can't, each by first name. */
    public List<Replier> repliers(long eventId) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT m.id, m.telegram_user_id, m.first_name, r.answer,
                       EXISTS (SELECT 1 FROM event_attendance a WHERE a.event_id = r.event_id
                               AND a.member_id = r.member_id) AS attended
                FROM event_replies r JOIN members m ON m.id = r.member_id
                WHERE r.event_id = :event
                ORDER BY CASE r.answer WHEN 'GOING' THEN 0 WHEN 'MAYBE' THEN 1 ELSE 2 END, m.first_name, m.id
                """).bind("event", eventId).map((rs, ctx) -> new Replier(rs.getLong("id"),
                rs.getLong("telegram_user_id"), rs.getString("first_name"), Answer.valueOf(rs.getString("answer")),
                rs.getInt("attended") == 1)).list());
    }

    /**
     * Records whether someone who answered was there. @return false when they never answered this event (a forged
     * tap), so that attendance is only ever recorded for the event's own list
     */
    public boolean setAttended(long eventId, long memberId, boolean attended, long recordedBy) {
        Instant now = clock.instant();
        return jdbi.inTransaction(h -> {
            boolean answered = h.createQuery("""
                    SELECT count(*) FROM event_replies WHERE event_id = :event AND member_id = :member
                    """).bind("event", eventId).bind("member", memberId).mapTo(Integer.class).one() == 1;
            if (!answered) {
                return false;
            }
            if (attended) {
                h.createUpdate("""
                        INSERT INTO event_attendance (event_id, member_id, recorded_by, recorded_at)
                        VALUES (:event, :member, :by, :now) ON CONFLICT DO NOTHING
                        """).bind("event", eventId).bind("member", memberId).bind("by", recordedBy).bind("now", now)
                        .execute();
            } else {
                h.createUpdate("DELETE FROM event_attendance WHERE event_id = :event AND member_id = :member")
                        .bind("event", eventId).bind("member", memberId).execute();
            }
            return true;
        });
    }
}
