package org.ccin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static final String TOKEN = "123456789:AAHfakeTokenForTestsOnly_abcdefghij";

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    @DisplayName("With nothing set, every setting has its documented default and the token is absent")
    void defaults() {
        BotConfig config = loader.load(Optional.empty(), Map.of());

        assertThat(config.telegram().token()).isEmpty();
        assertThat(config.telegram().apiUrl()).isEqualTo(URI.create("https://api.telegram.org"));
        assertThat(config.telegram().mode()).isEqualTo(Mode.POLLING);
        assertThat(config.database().path()).isEqualTo(Path.of("ccin-bot.db"));
        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.zone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(config.staff()).isEmpty();
        assertThat(config.sending().globalPerSecond()).isEqualTo(25);
        assertThat(config.conversations().expireAfter()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    @DisplayName("A missing token says exactly which variable to set")
    void missingToken() {
        BotConfig config = loader.load(Optional.empty(), Map.of());

        assertThatThrownBy(() -> config.telegram().requireToken())
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CCIN_BOT_TOKEN is not set")
                .hasMessageContaining("@BotFather");
    }

    @Test
    @DisplayName("Environment variables override the file")
    void environmentWins(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, "web:\n  port: 9000\ndatabase:\n  path: from-file.db\nstaff: [1, 2]\n");

        BotConfig config = loader.load(Optional.of(file), Map.of(
                "CCIN_BOT_TOKEN", TOKEN, "CCIN_BOT_WEB_PORT", "9100", "CCIN_BOT_STAFF", "7, 8,9",
                "CCIN_BOT_API_URL", "http://localhost:8081"));

        assertThat(config.telegram().requireToken()).isEqualTo(TOKEN);
        assertThat(config.web().port()).isEqualTo(9100);
        assertThat(config.database().path()).isEqualTo(Path.of("from-file.db"));
        assertThat(config.staff()).containsExactlyInAnyOrder(7L, 8L, 9L);
        assertThat(config.telegram().apiUrl()).isEqualTo(URI.create("http://localhost:8081"));
    }

    @Test
    @DisplayName("A malformed API URL is refused with a message naming the variable")
    void malformedApiUrl() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_API_URL", "htp:/nowhere")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CCIN_BOT_API_URL (setting telegram.apiUrl): 'htp:/nowhere' is not an http(s) URL "
                        + "like https://api.telegram.org");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_API_URL", "https://example.org/bot")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("without a path");
    }

    @Test
    @DisplayName("An unknown mode is refused and the valid modes are listed")
    void unknownMode() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_MODE", "carrier-pigeon")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("CCIN_BOT_MODE (setting telegram.mode): 'carrier-pigeon' is not a mode; "
                        + "use one of polling | webhook");
    }

    @Test
    @DisplayName("A non-numeric staff id is refused, naming the bad item")
    void nonNumericStaff() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_STAFF", "123,alice")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CCIN_BOT_STAFF (setting staff): 'alice' is not a Telegram user id");
    }

    @Test
    @DisplayName("A port that is not a number, or out of range, is refused")
    void badPort() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_WEB_PORT", "eighty")))
                .hasMessage("CCIN_BOT_WEB_PORT (setting web.port): 'eighty' is not a whole number");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_WEB_PORT", "70000")))
                .hasMessage("CCIN_BOT_WEB_PORT (setting web.port): 70000 is out of range; use 0 to 65535");
    }

    @Test
    @DisplayName("A token that does not look like a token is refused without being printed")
    void malformedToken() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_TOKEN", "secret-but-wrong")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("CCIN_BOT_TOKEN (setting telegram.token): this does not look like a bot token")
                .hasMessageNotContaining("secret-but-wrong");
    }

    @Test
    @DisplayName("Webhook mode without a URL or a secret says which is missing")
    void webhookNeedsUrlAndSecret() {
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_MODE", "webhook")))
                .hasMessageContaining("setting telegram.webhook.url").hasMessageContaining("CCIN_BOT_WEBHOOK_URL");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_MODE", "webhook",
                "CCIN_BOT_WEBHOOK_URL", "https://bot.example.org/telegram/updates")))
                .hasMessageContaining("setting telegram.webhook.secret").hasMessageContaining("CCIN_BOT_WEBHOOK_SECRET");
        assertThatThrownBy(() -> loader.load(Optional.empty(), Map.of("CCIN_BOT_WEBHOOK_SECRET", "has spaces in it")))
                .hasMessageContaining("use 1 to 256 characters");
    }

    @Test
    @DisplayName("A misspelt key in the file is reported instead of silently ignored")
    void unknownKey(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, "telegram:\n  tokn: 123\n");

        assertThatThrownBy(() -> loader.load(Optional.of(file), Map.of()))
                .hasMessageStartingWith("unknown setting telegram.tokn");
    }

    @Test
    @DisplayName("A missing or broken config file is named")
    void badFile(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> loader.load(Optional.of(dir.resolve("nope.yml")), Map.of()))
                .hasMessageContaining("nope.yml does not exist");
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "telegram: [unclosed\n");
        assertThatThrownBy(() -> loader.load(Optional.of(broken), Map.of()))
                .hasMessageContaining("is not valid YAML");
    }

    @Test
    @DisplayName("The example file in the repository loads as it is")
    void exampleFileLoads() {
        Path example = Path.of("ccin-bot.example.yml");

        BotConfig config = loader.load(Optional.of(example), Map.of());

        assertThat(config.web().port()).isEqualTo(8080);
        assertThat(config.telegram().webhookPath()).isEqualTo("updates");
    }

    @Test
    @DisplayName("The settings never print the token or the webhook secret")
    void toStringHidesSecrets() {
        BotConfig config = loader.load(Optional.empty(), Map.of("CCIN_BOT_TOKEN", TOKEN,
                "CCIN_BOT_WEBHOOK_SECRET", "s3cret_value"));

        assertThat(config.toString()).doesNotContain(TOKEN).doesNotContain("s3cret_value");
    }
}
