package org.ccin.bot.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The web pages' jte templates (src/main/jte), compiled into classes at build time by jte's Maven plugin: the running
 * bot compiles nothing and needs only jte's runtime. HTML mode: every value a template shows is escaped for where
 * it stands (text, attribute, URL) unless it is a template's own content. Thread-safe.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    /** The page a template of several parameters makes of them, by name. */
    public static String renderWith(String template, java.util.Map<String, Object> parameters) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, parameters, output);
        return output.toString();
    }

    /** The page the template at this path (e.g. "dashboard/dashboard.jte") makes of its one parameter. */
    public static String render(String template, Object model) {
        StringOutput output = new StringOutput();
        ENGINE.render(template, model, output);
        return output.toString();
    }
}
