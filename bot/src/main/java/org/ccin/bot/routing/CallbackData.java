package org.ccin.bot.routing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The data of an inline button: {@code feature:action:arg…}, for example {@code grp:join:12}. Telegram allows 64
 * bytes and the client chooses what it sends, so parsing accepts only this exact shape and every handler still
 * checks that the person may do what the button says.
 */
public record CallbackData(String feature, String action, List<String> args) {
    public static final int MAX_BYTES = 64;
    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_.\\-]{1,40}");

    public CallbackData {
        args = List.copyOf(args);
        if (!PART.matcher(feature).matches() || !PART.matcher(action).matches()
                || !args.stream().allMatch(a -> PART.matcher(a).matches())) {
            throw new IllegalArgumentException("callback parts must be 1-40 of A-Z a-z 0-9 _ . -: " + feature
                    + ":" + action + ":" + args);
        }
    }

    public static CallbackData of(String feature, String action, Object... args) {
        List<String> texts = new ArrayList<>();
        for (Object arg : args) {
            texts.add(String.valueOf(arg));
        }
        return new CallbackData(feature, action, texts);
    }

    /** @throws IllegalArgumentException when longer than Telegram allows: a programming error */
    public String encode() {
        StringBuilder text = new StringBuilder(feature).append(':').append(action);
        args.forEach(arg -> text.append(':').append(arg));
        String encoded = text.toString();
        if (encoded.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("callback data over 64 bytes: " + encoded);
        }
        return encoded;
    }

    /** The data of a button, or empty when it is not of our shape (forged, or from an old version). */
    public static Optional<CallbackData> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.empty();
        }
        String[] parts = raw.split(":", -1);
        if (parts.length < 2) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CallbackData(parts[0], parts[1], Arrays.asList(parts).subList(2, parts.length)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public Optional<String> arg(int index) {
        return index < args.size() ? Optional.of(args.get(index)) : Optional.empty();
    }

    /** A numeric argument; empty when missing or not a number. */
    public Optional<Long> number(int index) {
        return arg(index).flatMap(text -> {
            try {
                return Optional.of(Long.parseLong(text));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }
}
