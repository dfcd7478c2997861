package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake's misbehaviour on demand: scripted errors for the next calls of a method (and chat), random errors with a
 * fixed seed, slow answers, and Telegram's rate limits enforced over sliding windows. Thread-safe.
 */
final class Faults {
    private final ObjectMapper json;
    private final List<Scripted> scripted = new ArrayList<>();
    private final Map<String, Duration> latency = new HashMap<>();
    private Random random;
    private double p429;
    private double p5xx;
    private double p403;
    private Limits limits;
    private final Map<Long, Deque<Long>> chatSends = new HashMap<>();
    private final Deque<Long> globalSends = new ArrayDeque<>();
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger injected429 = new AtomicInteger();

    private record Scripted(String method, Long chatId, int[] remaining, int status, String description,
                            Integer retryAfter) {
    }

    private record Limits(double globalPerSecond, double privatePerSecond, int groupPerMinute) {
    }

    Faults(ObjectMapper json) {
        this.json = json;
    }

    synchronized void failNext(String method, Long chatId, int count, int status, String description,
                               Integer retryAfter) {
        scripted.add(new Scripted(method.toLowerCase(), chatId, new int[] {count}, status, description, retryAfter));
    }

    synchronized void latency(String method, Duration delay) {
        latency.put(method == null ? "*" : method.toLowerCase(), delay);
    }

    synchronized Duration latencyOf(String method) {
        return latency.getOrDefault(method, latency.getOrDefault("*", Duration.ZERO));
    }

    synchronized void random(long seed, double share429, double share5xx, double share403) {
        this.random = new Random(seed);
        this.p429 = share429;
        this.p5xx = share5xx;
        this.p403 = share403;
    }

    synchronized void enforceLimits(double globalPerSecond, double privatePerSecond, int groupPerMinute) {
        this.limits = new Limits(globalPerSecond, privatePerSecond, groupPerMinute);
    }

    int rateLimitedCount() {
        return rateLimited.get();
    }

    int injected429Count() {
        return injected429.get();
    }

    /** The error this call must get, if any; for message-sending calls, also counts it against the limits. */
    synchronized ApiError check(String method, long chatId, boolean sendsMessage) {
        for (Iterator<Scripted> it = scripted.iterator(); it.hasNext(); ) {
            Scripted s = it.next();
            if (s.method.equals(method) && (s.chatId == null || s.chatId == chatId)) {
                if (--s.remaining[0] <= 0) {
                    it.remove();
                }
                if (s.status == 429) {
                    injected429.incrementAndGet();
                }
                return error(s.status, s.description, s.retryAfter);
            }
        }
        if (!sendsMessage) {
            return null;
        }
        if (random != null) {
            double roll = random.nextDouble();
            if (roll < p429) {
                injected429.incrementAndGet();
                return error(429, "Too Many Requests: retry after 1", 1);
            }
            if (roll < p429 + p5xx) {
                return error(502, "Bad Gateway", null);
            }
            if (roll < p429 + p5xx + p403) {
                return error(403, "Forbidden: bot was blocked by the user", null);
            }
        }
        if (limits != null) {
            long now = System.nanoTime();
            long wait = Math.max(waitFor(globalSends, now, window(limits.globalPerSecond), count(limits.globalPerSecond)),
                    chatId > 0
                            ? waitFor(chatSends.computeIfAbsent(chatId, k -> new ArrayDeque<>()), now,
                                    window(limits.privatePerSecond), count(limits.privatePerSecond))
                            : waitFor(chatSends.computeIfAbsent(chatId, k -> new ArrayDeque<>()), now,
                                    60_000_000_000L, limits.groupPerMinute));
            if (wait > 0) {
                rateLimited.incrementAndGet();
                int seconds = (int) Math.max(1, Math.ceil(wait / 1e9));
                return error(429, "Too Many Requests: retry after " + seconds, seconds);
            }
            globalSends.addLast(now);
            chatSends.get(chatId).addLast(now);
        }
        return null;
    }

    private static int count(double perSecond) {
        return Math.max(1, (int) Math.floor(perSecond));
    }

    private static long window(double perSecond) {
        return (long) (count(perSecond) / perSecond * 1e9);
    }

    private static long waitFor(Deque<Long> times, long now, long window, int limit) {
        while (!times.isEmpty() && now - times.peekFirst() >= window) {
            times.removeFirst();
        }
        return times.size() < limit ? 0 : times.peekFirst() + window - now;
    }

    private ApiError error(int status, String description, Integer retryAfter) {
        ObjectNode parameters = null;
        if (retryAfter != null) {
            parameters = json.createObjectNode().put("retry_after", retryAfter);
        }
        return new ApiError(status, description, parameters);
    }
}
