package org.ccin.bot.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The bot as its own process (the real main class, with the test bot's settings, on the same database and fake
 * Telegram), so that a test can kill it as a power cut would ({@code kill -9}) or stop it as systemd does.
 */
final class ChildBot {
    private ChildBot() {
    }

    /** Starts {@code Main run}; its output goes to {@code log} in the test folder. */
    static Process start(TestBot bot, Path dir, String log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.ccin.bot.Main", "--config", bot.configFile().toString(), "run");
        builder.environment().putAll(bot.environment());
        builder.redirectErrorStream(true).redirectOutput(new File(dir.toFile(), log));
        return builder.start();
    }
}
