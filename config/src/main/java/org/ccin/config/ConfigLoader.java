package org.ccin.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds a {@link BotConfig} from an optional YAML file and the environment. Environment variables win over
 * the file, so a container or a systemd unit can set secrets without editing the file.
 */
public final class ConfigLoader {
    /** The environment variable that points at the YAML file when --config is not given. */
    public static final String CONFIG_ENV = "CCIN_BOT_CONFIG";

    /** Environment variable → dotted setting path. */
    public static final Map<String, String> ENVIRONMENT_OVERRIDES = environmentOverrides();

    private static final Pattern TOKEN = Pattern.compile("\\d{1,20}:[A-Za-z0-9_-]{20,100}");
    private static final Pattern WEBHOOK_SECRET = Pattern.compile("[A-Za-z0-9_-]{1,256}");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern LANGUAGE = Pattern.compile("en|cy");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    private static Map<String, String> environmentOverrides() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(TelegramSettings.TOKEN_ENV, "telegram.token");
        map.put("CCIN_BOT_API_URL", "telegram.apiUrl");
        map.put("CCIN_BOT_MODE", "telegram.mode");
        map.put("CCIN_BOT_WEBHOOK_URL", "telegram.webhook.url");
        map.put("CCIN_BOT_WEBHOOK_SECRET", "telegram.webhook.secret");
        map.put("CCIN_BOT_DB", "database.path");
        map.put("CCIN_BOT_WEB_PORT", "web.port");
        map.put("CCIN_BOT_PUBLIC_URL", "web.publicUrl");
        map.put("CCIN_BOT_STAFF", "staff");
        map.put("CCIN_BOT_ZONE", "timeZone");
        return Map.copyOf(map);
    }

    /**
     * @param file the YAML file, if any
     * @param environment the process environment (tests pass their own map)
     * @throws ConfigException with one line naming the first bad setting
     */
    public BotConfig load(Optional<Path> file, Map<String, String> environment) {
        return loadExplained(file, environment).config();
    }

    /** The settings and, for check-config, what each came to and where from. */
    public record Loaded(BotConfig config, SettingsReport report) {
    }

    /** As {@link #load}, with the report of every setting. */
    public Loaded loadExplained(Optional<Path> file, Map<String, String> environment) {
        ObjectNode root = file.map(this::read).orElseGet(JsonNodeFactory.instance::objectNode);
        SettingsTree tree = new SettingsTree(root);
        ENVIRONMENT_OVERRIDES.forEach((env, path) -> {
            String value = environment.get(env);
            if (value != null && !value.isBlank()) {
                tree.override(path, env, TextNode.valueOf(value.trim()));
            }
        });
        BotConfig config = build(tree);
        tree.rejectUnknownKeys();
        return new Loaded(config, tree.report());
    }

    /** The file named by --config, else by CCIN_BOT_CONFIG, else none (defaults and environment only). */
    public static Optional<Path> configFile(Optional<String> fromArguments, Map<String, String> environment) {
        Optional<String> name = fromArguments.or(() -> Optional.ofNullable(environment.get(CONFIG_ENV)))
                .filter(s -> !s.isBlank());
        return name.map(Path::of);
    }

    private ObjectNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist: check --config or " + CONFIG_ENV);
        }
        try {
            JsonNode node = yaml.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException("config file " + file + " must hold settings as 'name: value' lines");
            }
            return (ObjectNode) node;
        } catch (JsonProcessingException e) {
            throw new ConfigException("config file " + file + " is not valid YAML: "
                    + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")", e);
        } catch (IOException e) {
            throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private BotConfig build(SettingsTree tree) {
        TelegramSettings telegram = telegram(tree);
        BotConfig.DatabaseSettings database = new BotConfig.DatabaseSettings(
                Path.of(tree.text("database.path", "ccin-bot.db")));
        BotConfig.WebSettings web = new BotConfig.WebSettings(
                tree.text("web.host", "0.0.0.0"), tree.integer("web.port", 8080, 0, 65535), publicUrl(tree),
                tree.bool("web.planPublic", true));
        Set<Long> staff = staff(tree);
        ZoneId zone = tree.zone("timeZone", ZoneId.of("Europe/London"));
        String language = tree.text("defaultLanguage", "en");
        if (!LANGUAGE.matcher(language).matches()) {
            throw tree.invalid("defaultLanguage", "'" + language + "' is not a language of the bot; use en or cy");
        }
        BotConfig.ConversationSettings conversations = new BotConfig.ConversationSettings(
                tree.duration("conversations.expireAfter", Duration.ofHours(24)));
        BotConfig.SendingSettings sending = new BotConfig.SendingSettings(
                tree.decimal("sending.globalPerSecond", 25, 0.1, 1000),
                tree.decimal("sending.privateChatPerSecond", 1, 0.01, 100),
                tree.integer("sending.groupPerMinute", 20, 1, 6000),
                tree.integer("sending.maxAttempts", 5, 1, 100),
                tree.duration("sending.requestTimeout", Duration.ofSeconds(30)));
        BotConfig.UpdateSettings updates = new BotConfig.UpdateSettings(tree.integer("updates.workers", 4, 1, 64),
                tree.integer("updates.personBurst", 8, 1, 10_000), tree.decimal("updates.personPerSecond", 1, 0.01, 1000));
        boolean sample = tree.bool("database.loadSampleData", true);
        return new BotConfig(telegram, database, web, staff, zone, language, conversations, sending, updates, sample,
                groups(tree), plan(tree), reminders(tree), newsletters(tree),
                new BotConfig.RetentionSettings(tree.duration("retention.processedUpdates", Duration.ofDays(30)),
                        tree.duration("retention.deliveredMessages", Duration.ofDays(90)),
                        tree.duration("retention.auditLog", Duration.ofDays(730))),
                new BotConfig.BackupSettings(tree.bool("backups.enabled", true),
                        Path.of(tree.text("backups.folder", "backups")), tree.integer("backups.keep", 14, 1, 1000),
                        tree.time("backups.time", LocalTime.of(2, 30))),
                new BotConfig.HealthSettings(tree.duration("health.telegramGrace", Duration.ofSeconds(60)),
                        tree.duration("health.inboxGrace", Duration.ofSeconds(60))));
    }

    private TelegramSettings telegram(SettingsTree tree) {
        Optional<String> token = tree.optionalText("telegram.token");
        if (token.isPresent() && !TOKEN.matcher(token.get()).matches()) {
            throw tree.invalid("telegram.token", "this does not look like a bot token (digits, a colon, then letters: "
                    + "123456789:AAH…); copy it again from @BotFather");
        }
        URI apiUrl = tree.optionalUrl("telegram.apiUrl")
                .orElseGet(() -> tree.shownAsDefault("telegram.apiUrl", URI.create("https://api.telegram.org")));
        String apiPath = apiUrl.getPath();
        if (apiPath != null && !apiPath.isEmpty() && !apiPath.equals("/")) {
            throw tree.invalid("telegram.apiUrl", "'" + apiUrl + "' must be just scheme, host and port "
                    + "(like https://api.telegram.org or http://localhost:8081), without a path");
        }
        Mode mode;
        try {
            mode = Mode.parse(tree.text("telegram.mode", "polling"));
        } catch (IllegalArgumentException e) {
            throw tree.invalid("telegram.mode", e.getMessage());
        }
        int pollTimeout = tree.integer("telegram.pollTimeoutSeconds", 50, 0, 100);
        Optional<URI> webhookUrl = tree.optionalUrl("telegram.webhook.url");
        Optional<String> secret = tree.optionalText("telegram.webhook.secret");
        if (secret.isPresent() && !WEBHOOK_SECRET.matcher(secret.get()).matches()) {
            throw tree.invalid("telegram.webhook.secret", "use 1 to 256 characters A-Z, a-z, 0-9, _ and -");
        }
        String webhookPath = tree.text("telegram.webhook.path", "updates");
        if (!PATH_SEGMENT.matcher(webhookPath).matches()) {
            throw tree.invalid("telegram.webhook.path", "'" + webhookPath + "' must be one path segment of A-Z, a-z, 0-9, _ and -");
        }
        int maxBody = tree.integer("telegram.webhook.maxBodyBytes", 1_048_576, 1024, 64 * 1_048_576);
        if (mode == Mode.WEBHOOK) {
            if (webhookUrl.isEmpty()) {
                throw tree.invalid("telegram.webhook.url", "webhook mode needs the public HTTPS address Telegram "
                        + "posts to; set CCIN_BOT_WEBHOOK_URL");
            }
            if (secret.isEmpty()) {
                throw tree.invalid("telegram.webhook.secret", "webhook mode needs a secret so that only Telegram "
                        + "can post updates; set CCIN_BOT_WEBHOOK_SECRET");
            }
        }
        return new TelegramSettings(token, apiUrl, mode, pollTimeout, webhookUrl, secret, webhookPath, maxBody);
    }

    private static BotConfig.GroupSettings groups(SettingsTree tree) {
        String atLimit = tree.text("groups.atWarningLimit", "remove").toLowerCase(java.util.Locale.ROOT);
        if (!atLimit.equals("remove") && !atLimit.equals("mute")) {
            throw tree.invalid("groups.atWarningLimit", "'" + atLimit + "' is not remove or mute");
        }
        return new BotConfig.GroupSettings(
                tree.duration("groups.inviteLinkLifetime", Duration.ofHours(1)),
                tree.duration("groups.pendingRequestTimeout", Duration.ofHours(24)),
                tree.duration("groups.welcomeBurst", Duration.ofMinutes(2)),
                tree.integer("groups.warningLimit", 3, 1, 100),
                atLimit.equals("remove"),
                tree.duration("groups.muteFor", Duration.ofHours(24)),
                tree.duration("groups.noticePeriod", Duration.ofDays(14)),
                tree.duration("groups.rulesGrace", Duration.ofDays(14)));
    }

    private static BotConfig.PlanSettings plan(SettingsTree tree) {
        Map<String, MonthDay> ends = new LinkedHashMap<>();
        Map<String, MonthDay> defaults = Map.of("spring", MonthDay.of(5, 31), "summer", MonthDay.of(8, 31),
                "autumn", MonthDay.of(11, 30), "winter", MonthDay.of(2, 29));
        for (String season : List.of("spring", "summer", "autumn", "winter")) {
            String path = "plan.seasonEnds." + season;
            Optional<String> text = tree.optionalText(path);
            if (text.isEmpty()) {
                ends.put(season, defaults.get(season));
                tree.shownAsDefault(path, String.format("%02d-%02d", defaults.get(season).getMonthValue(),
                        defaults.get(season).getDayOfMonth()));
                continue;
            }
            try {
                ends.put(season, MonthDay.parse("--" + text.get()));
            } catch (java.time.format.DateTimeParseException e) {
                throw tree.invalid(path, "'" + text.get() + "' is not a day of the year; write month-day, e.g. 08-31");
            }
        }
        return new BotConfig.PlanSettings(ends);
    }

    private static BotConfig.ReminderSettings reminders(SettingsTree tree) {
        List<Integer> daysBefore = new ArrayList<>();
        List<String> written = tree.list("reminders.daysBefore");
        if (written.isEmpty()) {
            written = tree.shownAsDefault("reminders.daysBefore", List.of("14", "3"));
        }
        for (String item : written) {
            try {
                int days = Integer.parseInt(item);
                if (days < 1 || days > 365) {
                    throw new NumberFormatException();
                }
                daysBefore.add(days);
            } catch (NumberFormatException e) {
                throw tree.invalid("reminders.daysBefore", "'" + item + "' is not a number of days from 1 to 365; "
                        + "list them separated by commas, e.g. 14, 3");
            }
        }
        daysBefore.sort(java.util.Comparator.reverseOrder());
        LocalTime start = tree.time("reminders.workdayStart", LocalTime.of(9, 0));
        LocalTime end = tree.time("reminders.workdayEnd", LocalTime.of(17, 0));
        if (!end.isAfter(start)) {
            throw tree.invalid("reminders.workdayEnd", end + " must be later than reminders.workdayStart " + start);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        List<String> dayNames = tree.list("reminders.workingDays");
        for (String name : dayNames.isEmpty() ? tree.shownAsDefault("reminders.workingDays",
                List.of("MON", "TUE", "WED", "THU", "FRI")) : dayNames) {
            days.add(day(tree, "reminders.workingDays", name));
        }
        return new BotConfig.ReminderSettings(daysBefore, tree.bool("reminders.onTheDay", true),
                tree.duration("reminders.overdueEvery", Duration.ofDays(7)), start, end, days,
                tree.duration("reminders.escalateAfter", Duration.ofDays(5)),
                day(tree, "reminders.digestDay", tree.text("reminders.digestDay", "MON")),
                tree.time("reminders.digestTime", LocalTime.of(9, 0)),
                tree.duration("reminders.claimLinkLifetime", Duration.ofDays(7)));
    }

    private static DayOfWeek day(SettingsTree tree, String path, String name) {
        String upper = name.trim().toUpperCase(java.util.Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (upper.length() >= 3 && day.name().startsWith(upper)) {
                return day;
            }
        }
        throw tree.invalid(path, "'" + name + "' is not a day of the week; write e.g. MON or Monday");
    }

    private static Optional<String> publicUrl(SettingsTree tree) {
        return tree.optionalText("web.publicUrl").map(String::strip).map(url -> {
            if (!url.matches("https?://[^\\s/?#]+(/[^\\s?#]*)?")) {
                throw tree.invalid("web.publicUrl", "'" + url + "' is not a web address like https://bot.example.org");
            }
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        });
    }

    private static BotConfig.NewsletterSettings newsletters(SettingsTree tree) {
        Optional<Long> channel = tree.optionalText("newsletters.channelId").map(text -> {
            try {
                long id = Long.parseLong(text.trim());
                if (id >= 0) {
                    throw new NumberFormatException();
                }
                return id;
            } catch (NumberFormatException e) {
                throw tree.invalid("newsletters.channelId", "'" + text + "' is not a channel id; a channel's id is a "
                        + "negative number such as -1001234567890");
            }
        });
        return new BotConfig.NewsletterSettings(channel,
                tree.duration("newsletters.reportEvery", Duration.ofSeconds(10)));
    }

    private static Set<Long> staff(SettingsTree tree) {
        Set<Long> ids = new LinkedHashSet<>();
        for (String item : tree.list("staff")) {
            try {
                long id = Long.parseLong(item);
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                throw tree.invalid("staff", "'" + item + "' is not a Telegram user id (a positive whole number); "
                        + "list ids separated by commas");
            }
        }
        return ids;
    }
}
