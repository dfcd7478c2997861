package org.ccin.bot.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ccin.bot.telegram.TelegramHealth;
import org.ccin.config.Mode;
import org.ccin.store.Database;
import org.ccin.store.inbox.InboxRepository;

/**
 * {@code GET /health}: 200 when the database answers and Telegram was reached, else 503, with the details as JSON
 * for an operator or a monitor. Never shows the token.
 */
public final class HealthController {
    private final Database database;
    private final InboxRepository inbox;
    private final TelegramHealth telegram;
    private final Mode mode;

    public HealthController(Database database, InboxRepository inbox, TelegramHealth telegram, Mode mode) {
        this.database = database;
        this.inbox = inbox;
        this.telegram = telegram;
        this.mode = mode;
    }

    public void health(Context ctx) {
        boolean databaseOk = database.isHealthy();
        TelegramHealth.Snapshot snapshot = telegram.snapshot();
        boolean telegramOk = snapshot.state() == TelegramHealth.State.OK;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseOk && telegramOk ? "ok" : "unavailable");
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("state", databaseOk ? "ok" : "failing");
        if (databaseOk) {
            db.put("pendingUpdates", inbox.countPending());
        }
        body.put("database", db);
        Map<String, Object> tg = new LinkedHashMap<>();
        tg.put("mode", mode.name().toLowerCase());
        tg.put("state", snapshot.state().name().toLowerCase());
        snapshot.lastOk().ifPresent(at -> tg.put("lastOk", at.toString()));
        snapshot.lastProblem().ifPresent(problem -> tg.put("lastProblem", problem));
        body.put("telegram", tg);
        ctx.status(databaseOk && telegramOk ? 200 : 503).json(body);
    }
}
