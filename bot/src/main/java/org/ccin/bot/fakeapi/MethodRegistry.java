package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The Bot API methods the fake implements, by lower-case name (Telegram's method names are case-insensitive).
 * A method that is not here answers 404, so a gap in the fake shows instead of passing silently.
 */
final class MethodRegistry {

    /** One method: its result, possibly later (a long poll). Throws {@link ApiError} for error answers. */
    @FunctionalInterface
    interface Method {
        CompletableFuture<JsonNode> call(Params params);
    }

    /** A group of related methods, registering itself. */
    interface Group {
        void registerInto(MethodRegistry registry);
    }

    private final Map<String, Method> methods = new HashMap<>();

    void add(String name, Function<Params, JsonNode> method) {
        addAsync(name, params -> CompletableFuture.completedFuture(method.apply(params)));
    }

    void addAsync(String name, Method method) {
        if (methods.putIfAbsent(name.toLowerCase(Locale.ROOT), method) != null) {
            throw new IllegalStateException("method registered twice: " + name);
        }
    }

    Optional<Method> find(String lowerCaseName) {
        return Optional.ofNullable(methods.get(lowerCaseName));
    }
}
