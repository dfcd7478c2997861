package org.ccin.bot.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The flood limits over sliding windows, on a clock the test moves. */
class RateLimitsTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimits limits = new RateLimits(now::get);

    @BeforeEach
    void enforce() {
        limits.enforce(3, 1, 2);
    }

    @Test
    @DisplayName("a private chat gets one message in any second, and retry_after says when the next fits")
    void privateChatPerSecond() {
        limits.admit(42);
        advance(Duration.ofMillis(400));

        ApiError refused = catchThrowableOfType(ApiError.class, () -> limits.admit(42));
        advance(Duration.ofMillis(600));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.toBody().path("parameters").path("retry_after").asInt()).isEqualTo(1);
        limits.admit(42);
        assertThat(limits.refusedCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a group gets its quota per minute and the wait rounds up to whole seconds")
    void groupPerMinute() {
        limits.admit(-100);
        advance(Duration.ofSeconds(10));
        limits.admit(-100);

        ApiError refused = catchThrowableOfType(ApiError.class, () -> limits.admit(-100));

        assertThat(refused.toBody().path("parameters").path("retry_after").asInt()).isEqualTo(50);
    }

    @Test
    @DisplayName("the overall limit counts every chat, and a call that failed is taken back")
    void globalAndRelease() {
        limits.admit(1);
        limits.admit(2);
        long ticket = limits.admit(3);

        assertThat(catchThrowableOfType(ApiError.class, () -> limits.admit(4))).isNotNull();
        limits.release(3, ticket);
        limits.admit(4);
    }

    @Test
    @DisplayName("only calls that put or change a message in a chat count")
    void countedMethods() {
        assertThat(RateLimits.counts("sendmessage")).isTrue();
        assertThat(RateLimits.counts("editmessagetext")).isTrue();
        assertThat(RateLimits.counts("copymessage")).isTrue();
        assertThat(RateLimits.counts("sendchataction")).isFalse();
        assertThat(RateLimits.counts("answercallbackquery")).isFalse();
    }

    private void advance(Duration step) {
        now.addAndGet(step.toNanos());
    }
}
