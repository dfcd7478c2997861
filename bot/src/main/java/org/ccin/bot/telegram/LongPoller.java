package org.ccin.bot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.ccin.store.inbox.InboxRepository;
import org.ccin.store.inbox.IncomingUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling, done here rather than by TelegramBots: the library reads a whole getUpdates answer into its types
 * at once, so one update it cannot read would fail every batch from then on. This reads the answer as plain JSON,
 * hands each update to the {@link UpdateIntake} on its own, stores the batch in the inbox, and only then asks for
 * the next batch with an offset past it (which is what confirms the batch to Telegram). An update the library cannot
 * read is kept aside and the offset moves past it.
 *
 * <p>Any failure (no answer, an HTTP error, an answer that is not JSON, {@code ok: false}) is reported to the
 * polling {@link TelegramHealth}, logged once when it starts and once when it ends, and followed by a growing pause
 * (1 s, doubling up to 30 s; a 429's {@code retry_after}). One thread; start and close from one other thread.
 */
public final class LongPoller implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LongPoller.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int LIMIT = 100;
    private static final long FIRST_PAUSE_MILLIS = 1_000;
    private static final long LONGEST_PAUSE_MILLIS = 30_000;

    /** Every kind of update some feature handles. */
    public static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query",
            "inline_query", "chosen_inline_result", "chat_join_request", "chat_member", "my_chat_member");

    private final TelegramConnection connection;
    private final InboxRepository inbox;
    private final UpdateIntake intake;
    private final Runnable onStored;
    private final TelegramHealth health;
    private final int pollTimeoutSeconds;
    private final ObjectMapper mapper = new ObjectMapper();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile Call current;
    /** The next update id to ask for: one past the newest stored. */
    private long offset;
    private long pauseMillis = FIRST_PAUSE_MILLIS;
    private boolean answeredOnce;

    public LongPoller(TelegramConnection connection, InboxRepository inbox, UpdateIntake intake, Runnable onStored,
                      TelegramHealth health, int pollTimeoutSeconds) {
        this.connection = connection;
        this.inbox = inbox;
        this.intake = intake;
        this.onStored = onStored;
        this.health = health;
        this.pollTimeoutSeconds = pollTimeoutSeconds;
        this.thread = new Thread(this::run, "polling");
        this.thread.setDaemon(true);
    }

    /** Removes a webhook left from webhook mode (Telegram refuses getUpdates while one is set), then polls. */
    public void start() {
        try {
            connection.client().execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
        } catch (TelegramApiException | RuntimeException e) {
            log.warn("could not remove a webhook before polling ({}); polling anyway", e.getMessage());
        }
        thread.start();
        log.info("long polling started against {}://{}:{}", connection.url().getSchema(), connection.url().getHost(),
                connection.url().getPort());
    }

    private void run() {
        while (!stopping()) {
            try {
                pollOnce();
            } catch (RuntimeException | Error e) {
                // never let anything end the loop: a dead poller is an outage nobody sees
                failed("getUpdates: " + e.getClass().getSimpleName(), FIRST_PAUSE_MILLIS);
                log.error("long polling failed unexpectedly", e);
            }
        }
    }

    private void pollOnce() {
        Optional<JsonNode> answer = fetch();
        if (answer.isEmpty()) {
            return;
        }
        JsonNode result = answer.get().path("result");
        List<IncomingUpdate> rows = new ArrayList<>(result.size());
        long next = offset;
        for (JsonNode raw : result) {
            Optional<Long> id = UpdateIntake.updateId(raw);
            if (id.isEmpty()) {
                log.warn("getUpdates returned an element without an update_id; skipped");
                continue;
            }
            intake.take(raw).ifPresent(rows::add);
            next = Math.max(next, id.get() + 1);
        }
        if (rows.isEmpty() && next == offset) {
            return;
        }
        // while the inbox refuses, polling waits here: /health must say so, or a full disk looks like a quiet day
        boolean stored = DatabaseRetry.untilDone("store " + rows.size() + " updates in the inbox", () -> {
            int fresh = inbox.store(rows);
            log.debug("stored {} updates ({} new)", rows.size(), fresh);
        }, stopped, problem -> health.failing("updates cannot be stored in the inbox (" + problem + ")"));
        if (!stored) {
            log.warn("stopping with {} updates not stored; Telegram will send them again", rows.size());
            return;
        }
        offset = next;
        if (health.ok()) {
            log.info("updates are stored in the inbox again");
        }
        onStored.run();
    }

    /** One getUpdates call: its answer when it is {@code ok: true} with a list, else empty (after the pause). */
    private Optional<JsonNode> fetch() {
        // the first call comes back at once, even on a quiet day: until Telegram answers, /health says "starting"
        ObjectNode body = mapper.createObjectNode().put("offset", offset).put("limit", LIMIT)
                .put("timeout", answeredOnce ? pollTimeoutSeconds : 0);
        ALLOWED_UPDATES.forEach(body.putArray("allowed_updates")::add);
        Request request = new Request.Builder().url(connection.methodUrl("getUpdates"))
                .post(RequestBody.create(body.toString(), JSON)).build();
        OkHttpClient http = connection.pollingHttp();
        Call call = http.newCall(request);
        current = call;
        if (stopping()) {
            return Optional.empty();
        }
        int code;
        String text;
        try (Response response = call.execute(); ResponseBody responseBody = response.body()) {
            code = response.code();
            text = responseBody == null ? "" : responseBody.string();
        } catch (IOException e) {
            if (!stopping()) {
                failed("getUpdates: " + e.getClass().getSimpleName() + " (no answer)", 0);
            }
            return Optional.empty();
        }
        JsonNode answer;
        try {
            answer = mapper.readTree(text);
        } catch (IOException e) {
            failed("getUpdates: HTTP " + code + " with an answer that is not JSON", 0);
            return Optional.empty();
        }
        if (answer == null || !answer.path("ok").asBoolean(false)) {
            int errorCode = answer == null ? code : answer.path("error_code").asInt(code);
            String description = answer == null ? "" : answer.path("description").asText("");
            long retryAfter = answer == null ? 0 : answer.path("parameters").path("retry_after").asLong(0);
            failed("getUpdates: " + errorCode + " " + description + hint(errorCode), retryAfter * 1000);
            return Optional.empty();
        }
        if (!answer.path("result").isArray()) {
            failed("getUpdates: ok, but no list of updates in the answer", 0);
            return Optional.empty();
        }
        if (health.ok()) {
            log.info("getUpdates works again");
        }
        pauseMillis = FIRST_PAUSE_MILLIS;
        answeredOnce = true;
        return Optional.of(answer);
    }

    private static String hint(int errorCode) {
        switch (errorCode) {
            case 401: return " (the token is wrong: check CCIN_BOT_TOKEN)";
            case 404: return " (the token or telegram.apiUrl is wrong)";
            case 409: return " (another process polls with this token, or a webhook is set)";
            default: return "";
        }
    }

    /** Reports the failure (logged when a failure starts, not at every poll) and waits before the next try. */
    private void failed(String problem, long atLeastMillis) {
        if (health.failing(problem)) {
            log.warn("long polling fails: {}; trying again, with pauses up to {} s", problem,
                    LONGEST_PAUSE_MILLIS / 1000);
        }
        long pause = Math.max(pauseMillis, atLeastMillis);
        pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE_MILLIS);
        try {
            stopped.await(pause, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    private boolean stopping() {
        return stopped.getCount() == 0;
    }

    /** Stops asking; a batch being stored is finished or given up (and then sent again by Telegram). */
    @Override
    public void close() {
        stopped.countDown();
        Call call = current;
        if (call != null) {
            call.cancel();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
