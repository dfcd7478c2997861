package org.ccin.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final long SECOND = 1_000_000_000L + SlidingWindow.MARGIN_NANOS;

    @Test
    @DisplayName("At most N calls fit in any window; the next fits when the oldest leaves it")
    void window() {
        SlidingWindow window = SlidingWindow.perSecond(3);

        for (int i = 0; i < 3; i++) {
            assertThat(window.waitNanos(i)).isZero();
            window.record(i);
        }

        assertThat(window.waitNanos(10)).isEqualTo(SECOND - 10);
        assertThat(window.waitNanos(SECOND)).isZero();
    }

    @Test
    @DisplayName("A rate under one per second spaces calls out")
    void slowRate() {
        SlidingWindow window = SlidingWindow.perSecond(0.5);
        window.record(0);

        assertThat(window.waitNanos(SECOND)).isEqualTo(2_000_000_000L + SlidingWindow.MARGIN_NANOS - SECOND);
        assertThat(window.waitNanos(2_000_000_000L + SlidingWindow.MARGIN_NANOS)).isZero();
    }

    @Test
    @DisplayName("Twenty per minute for a group")
    void perMinute() {
        SlidingWindow window = SlidingWindow.perMinute(20);
        for (int i = 0; i < 20; i++) {
            window.record(i * SECOND);
        }

        assertThat(window.waitNanos(20 * SECOND)).isEqualTo(60_000_000_000L + SlidingWindow.MARGIN_NANOS - 20 * SECOND);
        assertThat(window.isIdle(200 * SECOND)).isTrue();
    }
}
