package org.ccin.bot.web;

import io.javalin.Javalin;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded web server. Routes come from the webhook (in webhook mode), the features and operations. */
public final class WebServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebServer.class);

    private final Javalin app;

    public WebServer(String host, int port, Optional<WebhookController> webhook, List<WebRoutes> featureRoutes,
                     int maxRequestBytes) {
        this.app = Javalin.create(cfg -> {
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.http.maxRequestSize = maxRequestBytes;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(Pages::secure);
            HttpProblem.answerIn(cfg.routes);
            // every refusal a page or download throws, answered here with its status: handlers set none
            cfg.routes.exception(Refusal.BadRequest.class, (refusal, ctx) -> refusal.answer(ctx, 400));
            cfg.routes.exception(Refusal.Unauthorized.class, (refusal, ctx) -> refusal.answer(ctx, 401));
            cfg.routes.exception(Refusal.Forbidden.class, (refusal, ctx) -> refusal.answer(ctx, 403));
            cfg.routes.exception(Refusal.NotFound.class, (refusal, ctx) -> refusal.answer(ctx, 404));
            new Assets().addTo(cfg.routes);
            webhook.ifPresent(controller -> cfg.routes.post("/telegram/{path}", controller::receive));
            featureRoutes.forEach(routes -> routes.addTo(cfg.routes));
        });
    }

    public WebServer start() {
        app.start();
        log.info("web server listening on port {}", app.port());
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
