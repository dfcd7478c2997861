package org.ccin.bot.fakeapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes queued updates to the webhook one at a time, in order, as Telegram does: an update is confirmed only by a
 * 2xx answer; anything else (or no answer) keeps it at the head of the queue to be tried again after a delay.
 */
final class WebhookPusher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(WebhookPusher.class);
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final UpdateQueue queue;
    private final Duration retryDelay;
    private final Duration requestTimeout;
    private final HttpClient http;

    WebhookPusher(UpdateQueue queue, Duration retryDelay, Duration requestTimeout) {
        this.queue = queue;
        this.retryDelay = retryDelay;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    @Override
    public void run() {
        try {
            Optional<UpdateQueue.WebhookDelivery> next;
            while ((next = queue.awaitWebhookWork()).isPresent()) {
                UpdateQueue.WebhookDelivery delivery = next.get();
                Optional<String> error = push(delivery);
                if (error.isEmpty()) {
                    queue.webhookDelivered(delivery);
                } else {
                    log.debug("webhook push of update {} failed: {}", delivery.entry().id(), error.get());
                    queue.webhookFailed(delivery, error.get(), retryDelay);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing
        }
    }

    /** Empty when the webhook took the update, else the error as getWebhookInfo reports it. */
    private Optional<String> push(UpdateQueue.WebhookDelivery delivery) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.webhook().url()))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(delivery.body()));
        if (!delivery.webhook().secretToken().isEmpty()) {
            request.header(SECRET_HEADER, delivery.webhook().secretToken());
        }
        try {
            // sendAsync + get, because a plain send is not reliably interruptible when the fake closes
            HttpResponse<Void> response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                    .get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            int status = response.statusCode();
            return status >= 200 && status < 300 ? Optional.empty()
                    : Optional.of("Wrong response from the webhook: " + status);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IOException ? e.getCause() : e;
            return Optional.of("Connection failed: " + cause.getMessage());
        } catch (TimeoutException e) {
            return Optional.of("Read timeout expired");
        }
    }
}
