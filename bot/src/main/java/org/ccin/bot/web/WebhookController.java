package org.ccin.bot.web;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.ccin.bot.telegram.WebhookReceiver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /telegram/{path}}: Telegram posts one update per request. 401 without the right secret header,
 * 413 for a body over the limit, 400 for a body that is not an update at all (not JSON, no update_id), 200 only
 * once the update is stored (an update the bot cannot read is stored aside and answered 200 too), 503 when it
 * could not be stored (Telegram then posts it again).
 */
public final class WebhookController {
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
    private static final int DRAIN_FACTOR = 4;

    private final WebhookReceiver receiver;

    public WebhookController(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    public void receive(Context ctx) {
        if (!receiver.path().equals(ctx.pathParam("path"))) {
            throw HttpProblem.text(404, "not found");
        }
        String secret = ctx.header(SECRET_HEADER);
        if (secret == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
                receiver.secret().getBytes(StandardCharsets.UTF_8))) {
            log.warn("webhook request without the right secret from {}", ctx.ip());
            throw HttpProblem.text(401, "unauthorized");
        }
        String body;
        try {
            body = readAtMost(ctx.bodyInputStream(), receiver.maxBodyBytes());
        } catch (TooLarge e) {
            throw HttpProblem.text(413, "update too large");
        } catch (IOException e) {
            throw HttpProblem.text(400, "unreadable body");
        }
        try {
            receiver.accept(body);
            ctx.status(200).result("ok");
        } catch (WebhookReceiver.NotAnUpdate e) {
            log.warn("webhook body is not an update: {}", e.getMessage());
            throw HttpProblem.text(400, "not an update");
        } catch (RuntimeException e) {
            log.error("webhook update could not be stored; Telegram will send it again", e);
            throw HttpProblem.text(503, "try again");
        }
    }

    /**
     * Reads the body without trusting Content-Length (a chunked body declares none). A body over the limit is
     * read on, up to a few times the limit, and thrown away: a client that is still sending when the answer
     * comes would otherwise see a broken connection instead of the 413.
     */
    private static String readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > (long) max * DRAIN_FACTOR) {
                break;
            }
            if (total <= max) {
                out.write(buffer, 0, read);
            }
        }
        if (total > max) {
            throw new TooLarge();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
