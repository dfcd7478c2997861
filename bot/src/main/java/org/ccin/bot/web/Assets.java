package org.ccin.bot.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pages' stylesheet and scripts, served by the bot itself from {@code web/} on the classpath: no CDN (members'
 * councils often block them, and the bot may run where there is no internet). Only the files named here are served.
 * Chart.js comes from its webjar on the classpath, in the version the build depends on.
 */
public final class Assets implements WebRoutes {
    /** Chart.js's one-file build, as the dashboard's pages name it. */
    public static final String CHART_JS = "chart.umd.min.js";
    private static final Map<String, String> TYPES = Map.of("site.css", "text/css; charset=utf-8",
            "sandbox.js", "text/javascript; charset=utf-8", "sandbox.css", "text/css; charset=utf-8",
            "print.js", "text/javascript; charset=utf-8", "dashboard.js", "text/javascript; charset=utf-8",
            CHART_JS, "text/javascript; charset=utf-8");
    private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/assets/{name}", this::serve);
    }

    private void serve(Context ctx) {
        String name = ctx.pathParam("name");
        String type = TYPES.get(name);
        if (type == null) {
            throw Refusal.NotFound.text("not found");
        }
        byte[] body = cache.computeIfAbsent(name, Assets::read);
        ctx.contentType(type).header("Cache-Control", "max-age=3600").result(body);
    }

    private static byte[] read(String name) {
        String path = name.equals(CHART_JS) ? "/META-INF/resources/webjars/chart.js/" + webjarVersion("chart.js")
                + "/dist/" + CHART_JS : "/web/" + name;
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the asset " + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of an npm webjar on the classpath, from the pom.properties every webjar carries. */
    private static String webjarVersion(String artifact) {
        try (InputStream in = Assets.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + artifact
                + "/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the webjar " + artifact + " is missing from the build");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
