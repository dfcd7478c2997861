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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telegram.telegrambots.meta.api.objects.Update;

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

    private Update message(int updateId, long chatId) throws Exception {
        return codec.read("""
                {"update_id": %d, "message": {"message_id": %d, "date": 1764000000,
                 "chat": {"id": %d, "type": "private"},
                 "from": {"id": %d, "is_bot": false, "first_name": "Member"}, "text": "hello"}}
                """.formatted(updateId, updateId, chatId, chatId));
    }

    @Test
    @DisplayName("Updates stored one by one while earlier ones are still being handled are each handled exactly once")
    void eachUpdateHandledOnce() throws Exception {
        database = Database.open(dir.resolve("bot.db"));
        InboxRepository inbox = new InboxRepository(database, Clock.systemUTC());
        processor = new InboxProcessor(inbox, codec, update -> {
            handled.computeIfAbsent(update.getUpdateId(), id -> new AtomicInteger()).incrementAndGet();
            return "ok";
        }, 4);
        processor.start();

        int count = 600;
        for (int id = 1; id <= count; id++) {
            // one at a time, each waking the processor, so that its reads meet handlers just finishing
            inbox.store(List.of(codec.toInbox(message(id, 1 + id % CHATS))));
            processor.wake();
        }

        Eventually.await("every update handled", () -> inbox.countPending() == 0);
        // a second handling would be queued behind the first in its chat: one last update per chat, handled,
        // means every chat's queue has run
        for (int chat = 0; chat < CHATS; chat++) {
            inbox.store(List.of(codec.toInbox(message(count + 1 + chat, 1 + chat))));
        }
        processor.wake();
        Eventually.await("the last update of each chat handled", () -> handled.size() == count + CHATS);
        assertThat(handled).hasSize(count + CHATS);
        assertThat(handled.entrySet()).allSatisfy(entry -> assertThat(entry.getValue().get())
                .as("times update %d was handled", entry.getKey()).isEqualTo(1));
        assertThat(inbox.status(count)).isEqualTo(InboxStatus.DONE);
        assertThat(inbox.countPending()).isZero();
    }
}
