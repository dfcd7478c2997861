package org.ccin.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ccin.bot.e2e.Eventually;
import org.ccin.store.Database;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.inbox.InboxStatus;
import org.ccin.store.inbox.IncomingUpdate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's handling on a real SQLite file: every stored update is handled, and only once. */
class InboxProcessorTest {
    private static final int CHATS = 12;

    @TempDir
    Path dir;

    private final UpdateCodec codec = new UpdateCodec();
    private final Map<Integer, AtomicInteger> handled = new ConcurrentHashMap<>();
    private Database database;
    private InboxProcessor processor;

    @AfterEach
    void close() {
        if (processor != null) {
            processor.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private final UpdateIntake intake = new UpdateIntake(codec, UpdateIntake.QuarantineListener.NONE);

    private IncomingUpdate message(int updateId, long chatId) throws Exception {
        return intake.take(codec.tree("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1764000000,
                 "chat": {"id": %d, "type": "private"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Member"}, "text": "hello"}}
                """.formatted(updateId, updateId, chatId, chatId))).orElseThrow();
    }

    /** The processor on the database, with a handler that counts how often each update is handled. */
    private InboxRepository startCounting(int workers) {
        InboxRepository inbox = new InboxRepository(database, Clock.systemUTC());
        processor = new InboxProcessor(inbox, codec, update -> {
            handled.computeIfAbsent(update.getUpdateId(), id -> new AtomicInteger()).incrementAndGet();
            return HandlerOutcome.handled("ok");
        }, workers);
        processor.start();
        return inbox;
    }

    @Test
    @DisplayName("Updates stored one by one while earlier ones are still being handled are each handled exactly once")
    void eachUpdateHandledOnce() throws Exception {
        database = Database.open(dir.resolve("bot.db"));
        InboxRepository inbox = startCounting(4);

        int count = 600;
        for (int id = 1; id <= count; id++) {
            // one at a time, each waking the processor, so that its reads meet handlers just finishing
            inbox.store(List.of(message(id, 1 + id % CHATS)));
            processor.wake();
        }

        Eventually.await("every update handled", () -> inbox.countPending() == 0);
        // a second handling would be queued behind the first in its chat: one last update per chat, handled,
        // means every chat's queue has run
        for (int chat = 0; chat < CHATS; chat++) {
            inbox.store(List.of(message(count + 1 + chat, 1 + chat)));
        }
        processor.wake();
        Eventually.await("the last update of each chat handled", () -> handled.size() == count + CHATS);
        assertThat(handled).hasSize(count + CHATS);
        assertThat(handled.entrySet()).allSatisfy(entry -> assertThat(entry.getValue().get())
                .as("times update %d was handled", entry.getKey()).isEqualTo(1));
        // the handler counts before the processor records "done": the last ones may still be recording
        Eventually.await("every update recorded done", () -> inbox.countPending() == 0);
        assertThat(inbox.status(count)).isEqualTo(InboxStatus.DONE);
    }

    @Test
    @DisplayName("An update whose 'done' the database refuses for a while is recorded when it can, and handled only once")
    void recordingRetriedNotHandledAgain() throws Exception {
        database = Database.open(dir.resolve("bot.db"));
        // the database refuses to record any update's status while the switch is on (as when it is busy)
        database.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE test_switch (refusing INTEGER)");
            h.execute("INSERT INTO test_switch VALUES (1)");
            h.execute("CREATE TRIGGER test_refuse BEFORE UPDATE OF status ON inbox "
                    + "WHEN (SELECT refusing FROM test_switch) = 1 BEGIN SELECT RAISE(ABORT, 'database is locked'); END");
        });
        InboxRepository inbox = startCounting(2);

        inbox.store(List.of(message(5, 42)));
        processor.wake();
        Eventually.await("update 5 handled", () -> handled.containsKey(5));
        // a newer update of another chat arrives while 5 is not recorded: 5 must not be taken for a late arrival
        inbox.store(List.of(message(6, 43)));
        processor.wake();
        Eventually.await("update 6 handled", () -> handled.containsKey(6));
        assertThat(inbox.status(5)).isEqualTo(InboxStatus.PENDING);

        database.jdbi().useHandle(h -> h.execute("UPDATE test_switch SET refusing = 0"));
        Eventually.await("both recorded", () -> inbox.countPending() == 0);
        assertThat(inbox.status(5)).isEqualTo(InboxStatus.DONE);
        assertThat(inbox.status(6)).isEqualTo(InboxStatus.DONE);
        // one more update in chat 42 runs after anything queued behind 5 in its chat
        inbox.store(List.of(message(7, 42)));
        processor.wake();
        Eventually.await("update 7 handled", () -> handled.containsKey(7));
        assertThat(handled.get(5).get()).as("times update 5 was handled").isEqualTo(1);
        assertThat(handled.get(6).get()).as("times update 6 was handled").isEqualTo(1);
    }
}
