package org.ccin.bot.web;

import io.javalin.config.RoutesConfig;

/** A feature's part of the web server: it declares its routes when the server is built. */
@FunctionalInterface
public interface WebRoutes {
    void addTo(RoutesConfig routes);
}
