package org.ccin.bot.fakeapi;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A small webhook endpoint for tests: records each push and answers the statuses it is given, then 200. */
final class WebhookReceiver implements AutoCloseable {

    record Push(String secretHeader, String body) {
    }

    private final List<Integer> statuses;
    private final List<Push> pushes = new ArrayList<>();
    private final Javalin app;

    WebhookReceiver(Integer... statusesToAnswer) {
        this.statuses = new ArrayList<>(List.of(statusesToAnswer));
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.port = 0;
            cfg.routes.post("/hook", this::receive);
        }).start();
    }

    String url() {
        return "http://localhost:" + app.port() + "/hook";
    }

    private synchronized void receive(Context ctx) {
        pushes.add(new Push(ctx.header(WebhookPusher.SECRET_HEADER), ctx.body()));
        ctx.status(statuses.isEmpty() ? 200 : statuses.remove(0));
        notifyAll();
    }

    /** Waits until at least {@code count} pushes arrived and answers them. */
    synchronized List<Push> awaitPushes(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while (pushes.size() < count && (left = deadline - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (pushes.size() < count) {
            throw new AssertionError("expected " + count + " webhook pushes, got " + pushes);
        }
        return List.copyOf(pushes);
    }

    @Override
    public void close() {
        app.stop();
    }
}
