package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.HashSet;
import java.util.Set;

/** answerCallbackQuery and answerInlineQuery: each query id is answered once, as Telegram enforces. */
final class QueryMethods implements MethodRegistry.Group {
    private static final String EXPIRED = "query is too old and response timeout expired or query ID is invalid";

    private final World world;

    QueryMethods(World world) {
        this.world = world;
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.add("answerCallbackQuery", this::answerCallbackQuery);
        registry.add("answerInlineQuery", this::answerInlineQuery);
    }

    private JsonNode answerCallbackQuery(Params params) {
        String text = params.text("text").orElse("");
        if (text.codePointCount(0, text.length()) > 200) {
            throw ApiError.badRequest("MESSAGE_TOO_LONG");
        }
        String id = params.text("callback_query_id").orElse("");
        if (!world.closeCallbackQuery(id)) {
            throw ApiError.badRequest(EXPIRED);
        }
        return BooleanNode.TRUE;
    }

    private JsonNode answerInlineQuery(Params params) {
        JsonNode results = params.json("results").filter(JsonNode::isArray)
                .orElseThrow(() -> ApiError.badRequest("parameter \"results\" is required"));
        if (results.size() > 50) {
            throw ApiError.badRequest("RESULTS_TOO_MUCH");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode result : results) {
            if (!ids.add(result.path("id").asText())) {
                throw ApiError.badRequest("RESULT_ID_DUPLICATE");
            }
        }
        if (!world.closeInlineQuery(params.text("inline_query_id").orElse(""))) {
            throw ApiError.badRequest(EXPIRED);
        }
        return BooleanNode.TRUE;
    }
}
