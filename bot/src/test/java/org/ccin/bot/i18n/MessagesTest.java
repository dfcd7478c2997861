package org.ccin.bot.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessagesTest {
    @Test
    @DisplayName("Every English text has a Welsh text, and no Welsh text is left without an English one")
    void welshIsComplete() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            Properties english = load("i18n/" + bundle + ".properties");
            Properties welsh = load("i18n/" + bundle + "_cy.properties");

            assertThat(new TreeSet<>(welsh.stringPropertyNames())).as(bundle)
                    .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
        }
    }

    @Test
    @DisplayName("A Welsh text uses the same placeholders as its English text")
    void samePlaceholders() throws IOException {
        for (String bundle : Messages.BUNDLES) {
            Properties english = load("i18n/" + bundle + ".properties");
            Properties welsh = load("i18n/" + bundle + "_cy.properties");

            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(welsh.getProperty(key))).as(bundle + ": " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    @Test
    @DisplayName("No key is defined in two bundles")
    void keysAreUnique() throws IOException {
        Set<String> seen = new TreeSet<>();
        for (String bundle : Messages.BUNDLES) {
            for (String key : load("i18n/" + bundle + ".properties").stringPropertyNames()) {
                assertThat(seen.add(key)).as(bundle + " repeats " + key).isTrue();
            }
        }
    }

    @Test
    @DisplayName("Every role has its name (/whoami) and its /help heading in both languages")
    void everyRoleIsNamed() {
        for (Language language : Language.values()) {
            Texts texts = new Messages().in(language);
            for (org.ccin.bot.access.Role role : org.ccin.bot.access.Role.values()) {
                String name = role.name().toLowerCase();
                assertThat(texts.plain("role.name." + name)).as(language + " " + name).isNotBlank();
                assertThat(texts.plain("help.section." + name)).as(language + " " + name).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("Placeholders are filled and their values escaped; apostrophes survive")
    void fillsAndEscapes() {
        Texts english = new Messages().in(Language.EN);
        Texts welsh = new Messages().in(Language.CY);

        assertThat(english.get("start.welcome.back", "name", "<b>Eve</b> & co"))
                .startsWith("Welcome back, &lt;b&gt;Eve&lt;/b&gt; &amp; co! You're registered.");
        assertThat(welsh.get("error.apology")).contains("Mae'n ddrwg gen i");
        assertThat(english.plain("button.back")).isEqualTo("« Back");
    }

    @Test
    @DisplayName("Placeholders are filled in one pass: a value holding another placeholder's name is not filled in turn")
    void onePass() {
        Texts english = new Messages().in(Language.EN);

        assertThat(english.get("whoami", "name", "{id}", "id", 42, "roles", "{name}"))
                .isEqualTo("<b>{id}</b>\nYour Telegram id: <code>42</code>\nYour roles:\n{name}");
        assertThat(english.get("whoami", "name", "$1 \\ {roles}", "id", 7, "roles", Html.trusted("<i>x</i>")))
                .startsWith("<b>$1 \\ {roles}</b>").endsWith("<i>x</i>");
    }

    @Test
    @DisplayName("Plural forms follow each language's rules (ICU): English one/other, Welsh also two and more")
    void pluralForms() {
        Texts english = new Messages().in(Language.EN);
        Texts welsh = new Messages().in(Language.CY);

        assertThat(english.get("nl.audience.count", "count", 1)).isEqualTo("👥 That is <b>1</b> person now.");
        assertThat(english.get("nl.audience.count", "count", 2)).isEqualTo("👥 That is <b>2</b> people now.");
        assertThat(english.get("nl.audience.count", "count", 0)).isEqualTo("👥 That is <b>0</b> people now.");
        assertThat(english.get("groups.members", "count", 1L)).isEqualTo("1 member");
        assertThat(english.get("groups.members", "count", "1")).isEqualTo("1 member");
        assertThat(english.get("groups.members", "count", 12_000)).isEqualTo("12,000 members");
        assertThat(welsh.get("nl.audience.count", "count", 1)).isEqualTo("👥 Dyna <b>1</b> person nawr.");
        assertThat(welsh.get("groups.duration.days", "count", 1)).isEqualTo("1 diwrnod");
        assertThat(welsh.get("groups.duration.days", "count", 2)).isEqualTo("2 ddiwrnod");
        assertThat(welsh.get("groups.duration.days", "count", 3)).isEqualTo("3 diwrnod");
        assertThat(english.get("nl.report.counts", "recipients", 1, "delivered", 1, "pending", 0, "blocked", 0,
                "failed", 0)).startsWith("👥 1 recipient ·");
        // a text with no plural keeps its one wording
        assertThat(english.get("nl.report.cancelled", "count", 1)).isEqualTo("✖ 1 not sent (cancelled).");
    }

    @Test
    @DisplayName("Every text of every bundle is a valid pattern, in both languages")
    void everyTextCompiles() throws IOException {
        Messages messages = new Messages();
        for (String bundle : Messages.BUNDLES) {
            for (String key : load("i18n/" + bundle + ".properties").stringPropertyNames()) {
                for (Language language : Language.values()) {
                    assertThat(messages.compiled(language, key)).as(language + " " + key).isNotNull();
                }
            }
        }
    }

    @Test
    @DisplayName("The client's language picks the first default; unknown languages get the fallback")
    void firstDefault() {
        assertThat(Language.firstDefault("cy", Language.EN)).isEqualTo(Language.CY);
        assertThat(Language.firstDefault("cy-GB", Language.EN)).isEqualTo(Language.CY);
        assertThat(Language.firstDefault("fr", Language.EN)).isEqualTo(Language.EN);
        assertThat(Language.firstDefault(null, Language.CY)).isEqualTo(Language.CY);
    }

    /** The names of the text's placeholders, plain or choosing a plural form. */
    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        com.ibm.icu.text.MessagePattern pattern = new com.ibm.icu.text.MessagePattern(text.replaceAll("'(?=[{}#|])", "''"));
        for (int i = 0; i < pattern.countParts(); i++) {
            if (pattern.getPart(i).getType() == com.ibm.icu.text.MessagePattern.Part.Type.ARG_NAME) {
                names.add(pattern.getSubstring(pattern.getPart(i)));
            }
        }
        return names;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
