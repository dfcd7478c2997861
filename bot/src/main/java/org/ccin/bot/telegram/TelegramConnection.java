package org.ccin.bot.telegram;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.ccin.config.BotConfig;
import org.ccin.config.TelegramSettings;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The HTTP side of the Bot API: where it is, and two HTTP clients, one for long polling (whose requests wait
 * for up to the poll timeout) and one for everything else. The stock OkHttp dispatcher allows five requests to one
 * host at a time, far too few for a broadcast, so we give it our own.
 */
public final class TelegramConnection implements AutoCloseable {
    private final String token;
    private final TelegramUrl url;
    private final OkHttpClient sendingHttp;
    private final OkHttpClient pollingHttp;
    private final TelegramClient client;
    private final BotApiCalls calls;
    private final ObjectMapper mapper;

    public TelegramConnection(TelegramSettings telegram, BotConfig.SendingSettings sending, TelegramHealth health) {
        this.token = telegram.requireToken();
        this.url = telegramUrl(telegram.apiUrl());
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(128);
        dispatcher.setMaxRequestsPerHost(128);
        this.sendingHttp = new OkHttpClient.Builder().dispatcher(dispatcher)
                .connectTimeout(Duration.ofSeconds(10)).callTimeout(sending.requestTimeout())
                .readTimeout(sending.requestTimeout()).addInterceptor(new HealthInterceptor(health)).build();
        // long polling reports its own health: an answer it cannot read is a failure too, whatever its HTTP status
        this.pollingHttp = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(telegram.pollTimeoutSeconds() + 15L))
                .callTimeout(Duration.ofSeconds(telegram.pollTimeoutSeconds() + 30L)).build();
        this.mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.client = new OkHttpTelegramClient(mapper, sendingHttp, token, url);
        this.calls = new BotApiCalls(sendingHttp, mapper, this::methodUrl);
    }

    static TelegramUrl telegramUrl(URI apiUrl) {
        boolean https = "https".equalsIgnoreCase(apiUrl.getScheme());
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : https ? 443 : 80;
        return new TelegramUrl(https ? "https" : "http", apiUrl.getHost(), port, false);
    }

    public String token() {
        return token;
    }

    public TelegramUrl url() {
        return url;
    }

    /** The address of one Bot API method, e.g. {@code getUpdates}: it contains the token, so never log it. */
    public HttpUrl methodUrl(String method) {
        return new HttpUrl.Builder().scheme(url.getSchema()).host(url.getHost()).port(url.getPort())
                .addPathSegment("bot" + token).addPathSegment(method).build();
    }

    public OkHttpClient sendingHttp() {
        return sendingHttp;
    }

    /** The Sender's way of calling: reads answers by Telegram's rules (see {@link BotApiCalls}). */
    public BotApiCalls calls() {
        return calls;
    }

    /** The library's client, for the few calls made outside the Sender (getMe, setWebhook, deleteWebhook). */
    public TelegramClient client() {
        return client;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public OkHttpClient pollingHttp() {
        return pollingHttp;
    }

    /** Cancels calls still waiting (a long poll may wait for most of a minute) and frees the connections. */
    @Override
    public void close() {
        for (OkHttpClient http : new OkHttpClient[] {pollingHttp, sendingHttp}) {
            http.dispatcher().cancelAll();
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
