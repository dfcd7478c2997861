package org.ccin.bot.fakeapi;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Telegram's flood limits, when a test turns them on: messages overall per second, per private chat per second
 * and per group per minute. Over a limit the call is answered 429 with {@code retry_after}, counted apart from
 * injected faults so a benchmark can tell the 429s the bot caused itself.
 */
final class RateLimits {
    /** Returned by {@link #admit} when limits are off: nothing to take back. */
    static final long NO_TICKET = Long.MIN_VALUE;

    private final LongSupplier nanoTime;
    private final Map<Long, RateWindow> chatWindows = new HashMap<>();
    private boolean enabled;
    private int privatePerSecond;
    private int groupPerMinute;
    private RateWindow global;
    private long refused;

    RateLimits(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** True for the calls Telegram's limits count: the ones that put or change a message in a chat. */
    static boolean counts(String method) {
        return (method.startsWith("send") && !method.equals("sendchataction"))
                || method.startsWith("copymessage") || method.startsWith("forwardmessage")
                || method.startsWith("editmessage");
    }

    synchronized void enforce(int globalPerSecond, int privateChatPerSecond, int groupPerMinuteLimit) {
        if (privateChatPerSecond < 1 || groupPerMinuteLimit < 1) {
            throw new IllegalArgumentException("a limit allows at least one message");
        }
        global = new RateWindow(globalPerSecond, Duration.ofSeconds(1));
        privatePerSecond = privateChatPerSecond;
        groupPerMinute = groupPerMinuteLimit;
        chatWindows.clear();
        enabled = true;
    }

    synchronized void disable() {
        enabled = false;
        chatWindows.clear();
    }

    synchronized long refusedCount() {
        return refused;
    }

    /**
     * Lets one message into the chat or throws the 429; the answer is a ticket for {@link #release}.
     *
     * @param chatId negative for groups, as Telegram numbers them
     */
    synchronized long admit(long chatId) {
        if (!enabled) {
            return NO_TICKET;
        }
        long now = nanoTime.getAsLong();
        RateWindow chat = chatWindows.computeIfAbsent(chatId, id -> id < 0
                ? new RateWindow(groupPerMinute, Duration.ofMinutes(1))
                : new RateWindow(privatePerSecond, Duration.ofSeconds(1)));
        long wait = Math.max(global.nanosUntilFree(now), chat.nanosUntilFree(now));
        if (wait > 0) {
            refused++;
            long seconds = Math.max(1, (wait + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
            throw ApiError.tooManyRequests(Math.toIntExact(seconds));
        }
        global.add(now);
        chat.add(now);
        if (chatWindows.size() > 10_000) {
            chatWindows.values().removeIf(window -> window.isIdle(now)); // a broadcast touches many chats once
        }
        return now;
    }

    /** Takes back an admitted message whose call failed after all: no message reached the chat. */
    synchronized void release(long chatId, long ticket) {
        if (ticket == NO_TICKET || !enabled) {
            return;
        }
        global.remove(ticket);
        RateWindow chat = chatWindows.get(chatId);
        if (chat != null) {
            chat.remove(ticket);
        }
    }
}
