package org.ccin.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SlidingWindowTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long WINDOW = SECOND + SlidingWindow.MARGIN_NANOS;

    @Test
    @DisplayName("At most N calls fit in any window; the next fits a window after the oldest answer")
    void window() {
        SlidingWindow window = SlidingWindow.perSecond(3);

        for (int i = 0; i < 3; i++) {
            assertThat(window.waitNanos(i)).isZero();
            SlidingWindow.answered(window.take(), i);
        }

        assertThat(window.waitNanos(10)).isEqualTo(WINDOW - 10);
        assertThat(window.waitNanos(WINDOW)).isZero();
    }

    @Test
    @DisplayName("A call still waiting for its answer keeps its place: the window starts when the answer comes")
    void inFlightHoldsItsPlace() {
        SlidingWindow window = SlidingWindow.perSecond(1);
        SlidingWindow.Slot slot = window.take();

        assertThat(window.waitNanos(5 * SECOND)).isPositive();

        SlidingWindow.answered(slot, 5 * SECOND);
        assertThat(window.waitNanos(5 * SECOND + 1)).isEqualTo(WINDOW - 1);
        assertThat(window.waitNanos(5 * SECOND + WINDOW)).isZero();
    }

    @Test
    @DisplayName("A rate under one per second spaces calls out; twenty per minute for a group")
    void slowRates() {
        SlidingWindow half = SlidingWindow.perSecond(0.5);
        SlidingWindow.answered(half.take(), 0);
        SlidingWindow group = SlidingWindow.perMinute(20);
        for (int i = 0; i < 20; i++) {
            SlidingWindow.answered(group.take(), i * SECOND);
        }

        assertThat(half.waitNanos(SECOND)).isEqualTo(2 * SECOND + SlidingWindow.MARGIN_NANOS - SECOND);
        assertThat(group.waitNanos(20 * SECOND)).isEqualTo(60 * SECOND + SlidingWindow.MARGIN_NANOS - 20 * SECOND);
        assertThat(group.isIdle(200 * SECOND)).isTrue();
    }

    @Test
    @DisplayName("Places kept free for replies: a broadcast waits once the rest are taken, a reply still fits")
    void placesKeptFree() {
        SlidingWindow window = SlidingWindow.perSecond(5);
        for (int i = 0; i < 3; i++) {
            SlidingWindow.answered(window.take(), i * 100_000_000L);
        }

        assertThat(window.waitNanos(SECOND / 2, 2)).as("a broadcast: 3 of 5 taken, 2 kept free")
                .isEqualTo(WINDOW - SECOND / 2);
        assertThat(window.waitNanos(SECOND / 2)).as("a reply").isZero();
    }
}
