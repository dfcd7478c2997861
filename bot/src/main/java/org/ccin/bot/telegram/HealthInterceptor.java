package org.ccin.bot.telegram;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every HTTP exchange the bot starts with the Bot API (not long polling, which reports for itself) and tells
 * {@link TelegramHealth} whether Telegram answers. A 4xx about one request (a message too long, a user who blocked
 * the bot) says nothing about the connection; 401 (the token is wrong), 404 (the API URL is wrong), 5xx and I/O
 * errors do. Logs and problems never include the URL, which contains the token. A change of state is logged once.
 */
final class HealthInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(HealthInterceptor.class);

    private final TelegramHealth health;

    HealthInterceptor(TelegramHealth health) {
        this.health = health;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String method = lastSegment(chain.request().url().encodedPath());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (IOException e) {
            if (!"Canceled".equals(e.getMessage())) {
                failing(method + ": " + e.getClass().getSimpleName());
            }
            throw e;
        }
        int code = response.code();
        if (code == 401 || code == 404 || code >= 500) {
            failing(method + ": HTTP " + code);
        } else if (health.ok()) {
            log.info("Telegram answers again");
        }
        return response;
    }

    private void failing(String problem) {
        if (health.failing(problem)) {
            log.warn("Telegram cannot be reached: {}", problem);
        }
    }

    private static String lastSegment(String path) {
        int slash = path.lastIndexOf('/');
        return slash >= 0 ? path.substring(slash + 1) : path;
    }
}
