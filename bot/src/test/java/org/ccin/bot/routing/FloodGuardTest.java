package org.ccin.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.ccin.bot.routing.FloodGuard.Verdict;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FloodGuardTest {
    private final AtomicLong nanos = new AtomicLong();
    private final FloodGuard guard = new FloodGuard(3, 1, nanos::get);

    private void passMillis(long millis) {
        nanos.addAndGet(millis * 1_000_000);
    }

    @Test
    @DisplayName("A burst is answered, the next is dropped with one notice, then silently; the allowance comes back")
    void burstThenDrop() {
        assertThat(guard.admit(42)).isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).isEqualTo(Verdict.DROP_AND_TELL);
        assertThat(guard.admit(42)).isEqualTo(Verdict.DROP);

        passMillis(1_000);
        assertThat(guard.admit(42)).as("one more a second").isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).as("still the same flood: told already").isEqualTo(Verdict.DROP);

        passMillis(5_000);
        assertThat(guard.admit(42)).isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).isEqualTo(Verdict.ANSWER);
        assertThat(guard.admit(42)).as("a new flood after a quiet spell: told again").isEqualTo(Verdict.DROP_AND_TELL);
    }

    @Test
    @DisplayName("Each person has their own allowance")
    void perPerson() {
        for (int i = 0; i < 3; i++) {
            guard.admit(42);
        }
        assertThat(guard.admit(42)).isEqualTo(Verdict.DROP_AND_TELL);
        assertThat(guard.admit(43)).isEqualTo(Verdict.ANSWER);
    }
}
