package org.ccin.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {
    @Test
    @DisplayName("Tasks of one key run in order, one at a time, while other keys run alongside")
    void orderPerKey() throws InterruptedException {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(4, "test");
        Map<Long, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Long, Integer> running = new ConcurrentHashMap<>();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(400);

        for (int i = 0; i < 100; i++) {
            for (long key = 1; key <= 4; key++) {
                int index = i;
                long k = key;
                executor.execute(key, () -> {
                    if (running.merge(k, 1, Integer::sum) > 1) {
                        overlaps.add("key " + k);
                    }
                    seen.computeIfAbsent(k, x -> Collections.synchronizedList(new ArrayList<>())).add(index);
                    running.merge(k, -1, Integer::sum);
                    done.countDown();
                });
            }
        }

        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).isEmpty();
        for (long key = 1; key <= 4; key++) {
            assertThat(seen.get(key)).isSorted().hasSize(100);
        }
    }

    @Test
    @DisplayName("A task that throws does not stop the next task of the same key")
    void failureDoesNotStopTheKey() throws InterruptedException {
        KeyedSerialExecutor executor = new KeyedSerialExecutor(1, "test");
        CountDownLatch next = new CountDownLatch(1);

        executor.execute(7, () -> {
            throw new IllegalStateException("boom");
        });
        executor.execute(7, next::countDown);

        assertThat(next.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
