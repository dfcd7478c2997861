package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one call as Telegram would, in Telegram's order: the token, the method, then (for the test) injected
 * faults and flood limits, then the method itself; and records the call with its answer.
 */
final class CallProcessor {
    private static final Logger log = LoggerFactory.getLogger(CallProcessor.class);

    private final String token;
    private final MethodRegistry methods;
    private final Faults faults;
    private final RateLimits limits;
    private final CallLog calls;

    CallProcessor(String token, MethodRegistry methods, Faults faults, RateLimits limits, CallLog calls) {
        this.token = token;
        this.methods = methods;
        this.faults = faults;
        this.limits = limits;
        this.calls = calls;
    }

    /** The answer, at once or (for a long poll) later; it never completes exceptionally. */
    CompletableFuture<Answer> process(ApiRequest request) {
        CompletableFuture<Answer> answer;
        try {
            answer = dispatch(request);
        } catch (ApiError error) {
            answer = CompletableFuture.completedFuture(Answer.error(error));
        } catch (RuntimeException bug) {
            answer = CompletableFuture.completedFuture(internalError(request, bug));
        }
        return answer.thenApply(done -> {
            calls.record(new ApiCall(request.method(), request.params(), request.uploads(), done.status(),
                    done.body(), request.time()));
            return done;
        });
    }

    private CompletableFuture<Answer> dispatch(ApiRequest request) {
        if (!token.equals(request.token())) {
            throw ApiError.unauthorized();
        }
        MethodRegistry.Method method = methods.find(request.method()).orElseThrow(ApiError::methodNotFound);
        request.problem().ifPresent(problem -> {
            throw ApiError.badRequest(problem);
        });
        // checked for every method alike, as Telegram does, before faults: such a call can never succeed
        Keyboard.checkSize(request.params().get("reply_markup"));
        long chatId = Json.asLong(request.params().get("chat_id")).orElse(0L);
        Optional<ApiError> fault = faults.next(request.method(), chatId);
        if (fault.isPresent()) {
            throw fault.get();
        }
        boolean limited = chatId != 0 && RateLimits.counts(request.method());
        long ticket = limited ? limits.admit(chatId) : RateLimits.NO_TICKET;
        CompletableFuture<JsonNode> result;
        try {
            result = method.call(new Params(request.params(), request.uploads()));
        } catch (RuntimeException failed) {
            limits.release(chatId, ticket);
            throw failed;
        }
        return result.handle((value, failure) -> {
            if (failure == null) {
                return Answer.ok(faults.takeUnreadableAnswer(request.method()) ? unreadable(value) : value);
            }
            limits.release(chatId, ticket);
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            return cause instanceof ApiError error ? Answer.error(error) : internalError(request, cause);
        });
    }

    /**
     * A result as some Bot API servers and emulators send it, which the client's types cannot read: a message whose
     * date is an object and whose id is text; for anything else, a word where a value was expected. The answer is
     * still {@code ok: true}: the call took effect.
     */
    private static JsonNode unreadable(JsonNode value) {
        if (value != null && value.isObject()) {
            ObjectNode spoilt = ((ObjectNode) value).deepCopy();
            spoilt.put("message_id", "id-" + value.path("message_id").asText());
            spoilt.putObject("date").put("unix", value.path("date").asLong());
            return spoilt;
        }
        return TextNode.valueOf("done, in a new format");
    }

    /** A bug in the fake itself: loud in the log, and a 500 the test will notice. */
    private static Answer internalError(ApiRequest request, Throwable bug) {
        log.error("fake Bot API failed on {} {}", request.method(), request.params(), bug);
        return Answer.error(new ApiError(500, "Internal Server Error: fake Bot API bug: " + bug));
    }
}
