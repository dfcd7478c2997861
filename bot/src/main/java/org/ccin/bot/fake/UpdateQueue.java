package org.ccin.bot.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Updates waiting for the bot, as Telegram keeps them: getUpdates returns those at or after the offset and forgets
 * those before it; with a webhook set, they are posted one at a time, in order, until each is answered 2xx.
 * Thread-safe.
 */
final class UpdateQueue implements AutoCloseable {
    private final ObjectMapper json;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<ObjectNode> pending = new ArrayDeque<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Thread webhookThread;
    private String webhookUrl;
    private String webhookSecret;
    private boolean closed;
    private long nextId;

    UpdateQueue(ObjectMapper json, long firstUpdateId) {
        this.json = json;
        this.nextId = firstUpdateId;
    }

    /** Gives the update its id and queues it. */
    long add(ObjectNode update) {
        lock.lock();
        try {
            long id = nextId++;
            ObjectNode withId = json.createObjectNode().put("update_id", id);
            withId.setAll(update);
            pending.addLast(withId);
            changed.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** Queues an update again with its own id, as Telegram does when it was not confirmed. */
    void redeliver(ObjectNode update) {
        lock.lock();
        try {
            pending.addLast(update.deepCopy());
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** getUpdates: confirms what is before the offset, then waits up to the timeout for updates. */
    List<ObjectNode> poll(long offset, int limit, int timeoutSeconds, Set<String> allowed) throws ApiError {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(0, timeoutSeconds));
        lock.lock();
        try {
            if (webhookUrl != null) {
                throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use "
                        + "deleteWebhook to delete the webhook first");
            }
            if (offset > 0) {
                pending.removeIf(u -> u.get("update_id").asLong() < offset);
            }
            while (true) {
                List<ObjectNode> ready = new ArrayList<>();
                for (ObjectNode update : pending) {
                    if (ready.size() < limit && isAllowed(update, allowed)) {
                        ready.add(update);
                    }
                }
                long remaining = deadline - System.nanoTime();
                if (!ready.isEmpty() || closed || remaining <= 0) {
                    return ready;
                }
                changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } finally {
            lock.unlock();
        }
    }

    private static boolean isAllowed(ObjectNode update, Set<String> allowed) {
        if (allowed.isEmpty()) {
            // Telegram's default leaves out chat_member, message_reaction and message_reaction_count
            return !update.has("chat_member");
        }
        for (String kind : allowed) {
            if (update.has(kind)) {
                return true;
            }
        }
        return false;
    }

    int size() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Sets (or with null, removes) the webhook; queued updates then go to it. */
    void webhook(String url, String secret) {
        lock.lock();
        try {
            webhookUrl = url;
            webhookSecret = secret;
            if (url != null && webhookThread == null) {
                webhookThread = new Thread(this::deliver, "fake-webhook");
                webhookThread.setDaemon(true);
                webhookThread.start();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    String webhookUrl() {
        lock.lock();
        try {
            return webhookUrl;
        } finally {
            lock.unlock();
        }
    }

    private void deliver() {
        while (true) {
            ObjectNode update;
            String url;
            String secret;
            lock.lock();
            try {
                while (!closed && (webhookUrl == null || pending.isEmpty())) {
                    changed.await();
                }
                if (closed) {
                    return;
                }
                update = pending.peekFirst();
                url = webhookUrl;
                secret = webhookSecret;
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            boolean delivered = post(url, secret, update);
            lock.lock();
            try {
                if (delivered) {
                    pending.remove(update);
                } else {
                    // Telegram tries again later; so do we, without spinning
                    changed.await(200, TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean post(String url, String secret, JsonNode update) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(update)));
            if (secret != null) {
                request.header("X-Telegram-Bot-Api-Secret-Token", secret);
            }
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return status >= 200 && status < 300;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
