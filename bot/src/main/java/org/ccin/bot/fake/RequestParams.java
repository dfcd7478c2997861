package org.ccin.bot.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Bot API request's parameters, whatever their form: a JSON body, multipart (files; nested objects as JSON
 * strings), a urlencoded form, or the query string. Returned as one object with snake_case keys.
 */
final class RequestParams {
    private static final Set<String> JSON_FIELDS = Set.of("reply_markup", "caption_entities", "entities",
            "allowed_updates", "commands", "scope", "results", "link_preview_options", "reply_parameters",
            "permissions");

    private RequestParams() {
    }

    static ObjectNode read(Context ctx, ObjectMapper json) throws JsonProcessingException {
        ObjectNode params = json.createObjectNode();
        ctx.queryParamMap().forEach((key, values) -> put(params, json, key, values));
        String type = String.valueOf(ctx.contentType()).toLowerCase();
        if (type.startsWith("application/json")) {
            String body = ctx.body();
            if (!body.isBlank()) {
                params.setAll((ObjectNode) json.readTree(body));
            }
        } else if (type.startsWith("multipart/form-data")) {
            ctx.formParamMap().forEach((key, values) -> put(params, json, key, values));
            for (Map.Entry<String, List<UploadedFile>> files : ctx.uploadedFileMap().entrySet()) {
                UploadedFile file = files.getValue().get(0);
                params.put(files.getKey(), file.filename());
                params.put("_file_name", file.filename());
                params.put("_file_size", file.size());
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            ctx.formParamMap().forEach((key, values) -> put(params, json, key, values));
        }
        return params;
    }

    private static void put(ObjectNode params, ObjectMapper json, String key, List<String> values) {
        String value = values.isEmpty() ? "" : values.get(0);
        if (JSON_FIELDS.contains(key) && (value.startsWith("{") || value.startsWith("["))) {
            try {
                params.set(key, json.readTree(value));
                return;
            } catch (JsonProcessingException e) {
                // keep it as text: the method will refuse it
            }
        }
        params.put(key, value);
    }
}
