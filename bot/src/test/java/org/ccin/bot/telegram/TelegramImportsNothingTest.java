package org.ccin.bot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The one-way rule of the bot's packages: the transport ({@code telegram}) uses no other package of the bot
 * (routing, features, delivery…), so that it can be changed, or tested, without them. Read from the source files:
 * every import (static ones too) and every name written out in full.
 */
class TelegramImportsNothingTest {
    /** {@code org.ccin.bot.<something>}: a package of the bot, or a class at its root (BotApplication). */
    private static final Pattern BOT_NAME = Pattern.compile("\\borg\\.ccin\\.bot\\.(\\w+)");

    @Test
    @DisplayName("No source file of the telegram package names another package of the bot")
    void telegramUsesNoOtherBotPackage() throws IOException {
        Path folder = sources();
        List<Path> files;
        try (Stream<Path> all = Files.walk(folder)) {
            files = all.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).as("the telegram package's sources in " + folder.toAbsolutePath()).hasSizeGreaterThan(10);
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            found.addAll(otherBotNames(file.getFileName().toString(), read(file)));
        }
        assertThat(found).as("the telegram package must not use other packages of the bot").isEmpty();
    }

    @Test
    @DisplayName("The rule sees imports, static imports and names in full, and lets the package's own names be")
    void theRuleSeesWhatItLooksFor() {
        String source = """
                package org.ccin.bot.telegram;
                import org.ccin.bot.telegram.Lane;
                import org.ccin.store.inbox.InboxRepository;
                import org.ccin.bot.routing.UpdateRouter;
                import static org.ccin.bot.i18n.Texts.plain;
                class Example { org.ccin.bot.BotApplication app; }
                """;
        assertThat(otherBotNames("Example.java", source)).containsExactly(
                "Example.java:4 org.ccin.bot.routing", "Example.java:5 org.ccin.bot.i18n",
                "Example.java:6 org.ccin.bot.BotApplication");
    }

    private static List<String> otherBotNames(String file, String source) {
        List<String> found = new ArrayList<>();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher name = BOT_NAME.matcher(lines[i]);
            while (name.find()) {
                if (!name.group(1).equals("telegram")) {
                    found.add(file + ":" + (i + 1) + " " + name.group());
                }
            }
        }
        return found;
    }

    /** The package's sources: the tests run in the bot module's folder (from the project's folder in some IDEs). */
    private static Path sources() {
        Path inModule = Path.of("src/main/java/org/ccin/bot/telegram");
        return Files.isDirectory(inModule) ? inModule : Path.of("bot").resolve(inModule);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
