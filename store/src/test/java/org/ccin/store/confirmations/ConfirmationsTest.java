package org.ccin.store.confirmations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfirmationsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("A confirmation id works once, for its person and purpose, until it expires; spent ones are pruned")
    void onceForItsPersonUntilItExpires() {
        ManualClock clock = new ManualClock(TestStores.START);
        Store store = TestStores.open(dir, clock);
        Confirmations confirmations = store.confirmations();

        String first = confirmations.issue(42, "forgetme", Duration.ofMinutes(15));
        String second = confirmations.issue(42, "forgetme", Duration.ofMinutes(15));
        assertThat(first).isNotEqualTo(second).matches("[A-Za-z0-9_-]{16}");
        assertThat(confirmations.use(first, 43, "forgetme")).as("someone else's").isFalse();
        assertThat(confirmations.use(first, 42, "other")).as("another purpose").isFalse();
        assertThat(confirmations.livePurpose(first, 43)).as("someone else's").isEmpty();
        assertThat(confirmations.livePurpose(first, 42)).contains("forgetme");
        assertThat(confirmations.use(first, 42, "forgetme")).isTrue();
        assertThat(confirmations.use(first, 42, "forgetme")).as("used once").isFalse();
        assertThat(confirmations.livePurpose(first, 42)).as("used").isEmpty();
        clock.advance(Duration.ofMinutes(16));
        assertThat(confirmations.livePurpose(second, 42)).as("expired").isEmpty();
        assertThat(confirmations.use(second, 42, "forgetme")).as("expired").isFalse();

        store.retention().prune(Duration.ofDays(30), Duration.ofDays(90), Duration.ofDays(730));
        int left = store.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM confirmations")
                .mapTo(Integer.class).one());
        assertThat(left).isZero();
    }
}
