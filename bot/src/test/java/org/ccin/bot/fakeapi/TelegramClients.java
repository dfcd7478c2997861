package org.ccin.bot.fakeapi;

import java.time.Duration;
import okhttp3.OkHttpClient;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;

/** The real TelegramBots client, pointed at a fake; closing it frees OkHttp's threads. */
final class TelegramClients implements AutoCloseable {
    final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(15)).build();

    OkHttpTelegramClient client(FakeBotApi fake) {
        return client(fake, fake.token());
    }

    OkHttpTelegramClient client(FakeBotApi fake, String token) {
        return new OkHttpTelegramClient(http, token, fake.telegramUrl());
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
