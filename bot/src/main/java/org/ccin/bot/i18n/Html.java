package org.ccin.bot.i18n;

/** Telegram's HTML formatting: escaping values, and marking HTML that is already safe. */
public final class Html {
    private Html() {
    }

    /** HTML that was built from escaped parts and may be inserted as it is. */
    public record Trusted(String html) {
    }

    public static Trusted trusted(String html) {
        return new Trusted(html);
    }

    /** Escapes the three characters Telegram's HTML mode requires escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** Removes tags and resolves the entities escape() produces. */
    public static String strip(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&amp;", "&");
    }
}
