package org.ccin.bot.fakeapi;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.EventsHandler;

/**
 * Counts requests until Jetty has written their answer completely, so that stopping can wait for them: stopping
 * at once would cut a closing long poll before its empty answer reaches the bot. (Jetty's own graceful stop also
 * waits for idle keep-alive connections, which a client's pool holds for minutes.)
 */
final class AnswersInFlight extends EventsHandler {
    private int count;

    @Override
    protected void onBeforeHandling(Request request) {
        synchronized (this) {
            count++;
        }
    }

    @Override
    protected void onComplete(Request request, int status, HttpFields headers, Throwable failure) {
        synchronized (this) {
            count--;
            notifyAll();
        }
    }

    /** Waits until no answer is being written, or the time is up. */
    synchronized void awaitNone(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            long left;
            while (count > 0 && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
