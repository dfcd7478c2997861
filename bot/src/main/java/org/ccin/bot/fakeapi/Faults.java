package org.ccin.bot.fakeapi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Failures and slowness the test asks for: scripted ("the next 2 sendMessage to 42 answer 429"), random with a
 * fixed seed (so a failing run can be replayed), and latency. Faults answer before any state changes, so a
 * faulted send creates no message.
 */
final class Faults {
    private final List<ScriptedFault> scripted = new ArrayList<>();
    private final Map<String, Duration> latencyByMethod = new HashMap<>();
    /** Methods whose next calls take effect but answer a result clients cannot read, and how many times. */
    private final Map<String, Integer> unreadableAnswers = new HashMap<>();
    private Duration latency = Duration.ZERO;
    private Random random = new Random(0);
    private double chanceOf429;
    private double chanceOf5xx;
    private double chanceOf403;
    private long injected;

    /** A scripted failure; {@code chatId} 0 matches every chat. */
    private static final class ScriptedFault {
        final String method;
        final long chatId;
        final int status;
        final String description;
        final int retryAfter;
        int remaining;

        ScriptedFault(String method, long chatId, int count, int status, String description, int retryAfter) {
            this.method = method;
            this.chatId = chatId;
            this.remaining = count;
            this.status = status;
            this.description = description;
            this.retryAfter = retryAfter;
        }

        boolean matches(String calledMethod, long calledChatId) {
            return method.equals(calledMethod) && (chatId == 0 || chatId == calledChatId);
        }

        ApiError toError() {
            // Telegram always tells a 429 how long to wait
            if (retryAfter > 0 || status == 429) {
                return ApiError.withRetryAfter(status, description, Math.max(1, retryAfter));
            }
            return new ApiError(status, description);
        }
    }

    synchronized void failNext(String method, long chatId, int count, int status, String description,
                               int retryAfterSeconds) {
        if (count < 1 || status < 400 || status > 599) {
            throw new IllegalArgumentException("fail at least once with a 4xx or 5xx status");
        }
        scripted.add(new ScriptedFault(normalise(method), chatId, count, status, description, retryAfterSeconds));
    }

    synchronized void randomFaults(long seed, double probabilityOf429, double probabilityOf5xx,
                                   double probabilityOf403) {
        if (probabilityOf429 < 0 || probabilityOf5xx < 0 || probabilityOf403 < 0
                || probabilityOf429 + probabilityOf5xx + probabilityOf403 > 1) {
            throw new IllegalArgumentException("probabilities are between 0 and 1 and add up to at most 1");
        }
        random = new Random(seed);
        chanceOf429 = probabilityOf429;
        chanceOf5xx = probabilityOf5xx;
        chanceOf403 = probabilityOf403;
    }

    synchronized void unreadableAnswers(String method, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least once");
        }
        unreadableAnswers.merge(normalise(method), count, Integer::sum);
    }

    /** Whether this successful call's answer is to be spoilt (and counts it down). */
    synchronized boolean takeUnreadableAnswer(String method) {
        Integer left = unreadableAnswers.get(method);
        if (left == null) {
            return false;
        }
        if (left <= 1) {
            unreadableAnswers.remove(method);
        } else {
            unreadableAnswers.put(method, left - 1);
        }
        injected++;
        return true;
    }

    synchronized void latency(Duration delay) {
        latency = requireNotNegative(delay);
    }

    synchronized void latency(String method, Duration delay) {
        latencyByMethod.put(normalise(method), requireNotNegative(delay));
    }

    synchronized Duration latencyFor(String method) {
        return latencyByMethod.getOrDefault(method, latency);
    }

    synchronized void clear() {
        scripted.clear();
        unreadableAnswers.clear();
        latencyByMethod.clear();
        latency = Duration.ZERO;
        chanceOf429 = 0;
        chanceOf5xx = 0;
        chanceOf403 = 0;
    }

    /** How many fault answers were given (scripted and random). */
    synchronized long injectedCount() {
        return injected;
    }

    /** The fault to answer this call with, if any; {@code chatId} 0 when the call names no chat. */
    synchronized Optional<ApiError> next(String method, long chatId) {
        Optional<ApiError> fault = nextScripted(method, chatId).or(() -> nextRandom(method));
        fault.ifPresent(error -> injected++);
        return fault;
    }

    private Optional<ApiError> nextScripted(String method, long chatId) {
        for (Iterator<ScriptedFault> it = scripted.iterator(); it.hasNext(); ) {
            ScriptedFault fault = it.next();
            if (fault.matches(method, chatId)) {
                if (--fault.remaining == 0) {
                    it.remove();
                }
                return Optional.of(fault.toError());
            }
        }
        return Optional.empty();
    }

    private Optional<ApiError> nextRandom(String method) {
        if (!method.startsWith("send") || chanceOf429 + chanceOf5xx + chanceOf403 == 0) {
            return Optional.empty();
        }
        double draw = random.nextDouble();
        if (draw < chanceOf429) {
            return Optional.of(ApiError.tooManyRequests(1));
        }
        if (draw < chanceOf429 + chanceOf5xx) {
            return Optional.of(random.nextBoolean() ? new ApiError(500, "Internal Server Error")
                    : new ApiError(502, "Bad Gateway"));
        }
        if (draw < chanceOf429 + chanceOf5xx + chanceOf403) {
            return Optional.of(ApiError.forbidden("bot was blocked by the user"));
        }
        return Optional.empty();
    }

    private static String normalise(String method) {
        return method.toLowerCase(Locale.ROOT);
    }

    private static Duration requireNotNegative(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("latency is not negative: " + delay);
        }
        return delay;
    }
}
