package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a Bot API call the ways Telegram accepts it: query parameters, a JSON body, a urlencoded form, or
 * multipart with files. In forms every value is a string, so the fields the API defines as JSON objects are parsed
 * here, and a file referenced as {@code attach://name} is put in place of its reference.
 */
final class RequestParser {
    /** Uploads up to this size keep their bytes, for tests to read. */
    private static final long MAX_KEPT_UPLOAD = 1 << 20;
    private static final Set<String> JSON_FIELDS = Set.of("reply_markup", "entities", "caption_entities",
            "allowed_updates", "commands", "scope", "reply_parameters", "link_preview_options", "media", "results",
            "permissions", "menu_button", "button");
    private static final String ATTACH = "attach://";

    ApiRequest parse(Context ctx, Instant now) {
        String botSegment = ctx.pathParam("bot");
        String token = botSegment.startsWith("bot") ? botSegment.substring(3) : "";
        String method = ctx.pathParam("method").toLowerCase(Locale.ROOT);
        ObjectNode params = Json.object();
        List<ApiCall.Upload> uploads = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        putFirstValues(ctx.queryParamMap(), params);
        try {
            if (ctx.isMultipartFormData()) {
                putFirstValues(ctx.formParamMap(), params);
                ctx.uploadedFileMap().forEach((part, files) -> files.forEach(file -> uploads.add(upload(part, file))));
            } else if (isUrlencoded(ctx)) {
                putFirstValues(ctx.formParamMap(), params);
            } else {
                problem = putJsonBody(ctx.bodyAsBytes(), params);
            }
        } catch (RuntimeException e) {
            problem = Optional.of("can't read the request body: " + e.getMessage());
        }
        // TelegramBots repeats the method name in the body (the webhook-reply format); it is no parameter
        params.remove("method");
        parseJsonFields(params);
        return new ApiRequest(token, method, params, placeFiles(params, uploads), now, problem);
    }

    private static boolean isUrlencoded(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void putFirstValues(Map<String, List<String>> values, ObjectNode params) {
        values.forEach((name, list) -> {
            if (!list.isEmpty()) {
                params.put(name, list.get(0));
            }
        });
    }

    private static Optional<String> putJsonBody(byte[] body, ObjectNode params) {
        if (new String(body, StandardCharsets.UTF_8).isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            if (!json.isObject()) {
                return Optional.of("the JSON body is not an object");
            }
            params.setAll((ObjectNode) json);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("can't parse JSON body");
        }
    }

    private static void parseJsonFields(ObjectNode params) {
        for (String field : JSON_FIELDS) {
            JsonNode value = params.get(field);
            if (value != null && value.isTextual()) {
                Json.parse(value.asText()).filter(JsonNode::isContainerNode).ifPresent(json -> params.set(field, json));
            }
        }
    }

    private static ApiCall.Upload upload(String part, UploadedFile file) {
        byte[] content = new byte[0];
        if (file.size() <= MAX_KEPT_UPLOAD) {
            try (java.io.InputStream in = file.content()) {
                content = in.readAllBytes();
            } catch (java.io.IOException e) {
                content = new byte[0];
            }
        }
        return new ApiCall.Upload(part, file.filename(), file.size(), content);
    }

    /**
     * Puts {@code {"file_name":..,"file_size":..}} where a field names an uploaded file, and names each upload
     * after the field that uses it ({@code document}, not the random part name TelegramBots gives it).
     */
    private static List<ApiCall.Upload> placeFiles(ObjectNode params, List<ApiCall.Upload> uploads) {
        List<ApiCall.Upload> placed = new ArrayList<>();
        for (ApiCall.Upload upload : uploads) {
            String field = upload.field();
            for (Map.Entry<String, JsonNode> param : params.properties()) {
                if (param.getValue().isTextual() && param.getValue().asText().equals(ATTACH + upload.field())) {
                    field = param.getKey();
                }
            }
            ApiCall.Upload named = new ApiCall.Upload(field, upload.fileName(), upload.size(), upload.content());
            placed.add(named);
            params.putObject(field).put("file_name", named.fileName()).put("file_size", named.size());
        }
        return placed;
    }
}
