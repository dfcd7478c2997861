package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** getUpdates, setWebhook, deleteWebhook, getWebhookInfo. */
final class UpdateMethods implements MethodRegistry.Group {
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");

    private final UpdateQueue queue;

    UpdateMethods(UpdateQueue queue) {
        this.queue = queue;
    }

    @Override
    public void registerInto(MethodRegistry registry) {
        registry.addAsync("getUpdates", this::getUpdates);
        registry.add("setWebhook", this::setWebhook);
        registry.add("deleteWebhook", params -> {
            queue.deleteWebhook(params.flag("drop_pending_updates"));
            return BooleanNode.TRUE;
        });
        registry.add("getWebhookInfo", params -> queue.webhookInfo());
    }

    private CompletableFuture<JsonNode> getUpdates(Params params) {
        long offset = params.longValue("offset").orElse(0L);
        int limit = (int) Math.max(1, Math.min(100, params.longValue("limit").orElse(100L)));
        int timeout = (int) Math.max(0, params.longValue("timeout").orElse(0L));
        return queue.poll(offset, limit, timeout, allowedUpdates(params));
    }

    /**
     * Accepts plain http and any port, unlike Telegram (HTTPS on 443, 80, 88 or 8443), so that a test can receive
     * the updates on localhost.
     */
    private JsonNode setWebhook(Params params) {
        String url = params.text("url").orElse("").trim();
        if (url.isEmpty()) {
            queue.deleteWebhook(params.flag("drop_pending_updates"));
            return BooleanNode.TRUE;
        }
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
            throw ApiError.badRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }
        String secret = params.text("secret_token").orElse("");
        if (!secret.isEmpty() && !SECRET.matcher(secret).matches()) {
            throw ApiError.badRequest("secret token contains unallowed characters");
        }
        int maxConnections = params.intValue("max_connections").orElse(40);
        queue.setWebhook(new UpdateQueue.Webhook(url, secret, maxConnections), allowedUpdates(params),
                params.flag("drop_pending_updates"));
        return BooleanNode.TRUE;
    }

    /** Absent: keep the previous choice; an empty list: Telegram's default. */
    private static Optional<Set<String>> allowedUpdates(Params params) {
        return params.json("allowed_updates").filter(JsonNode::isArray).map(types -> {
            Set<String> names = new LinkedHashSet<>();
            types.forEach(type -> names.add(type.asText()));
            return names;
        });
    }
}
