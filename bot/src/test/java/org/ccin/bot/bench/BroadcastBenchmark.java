package org.ccin.bot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ccin.bot.BotApplication;
import org.ccin.bot.e2e.Subscribers;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.config.BotConfig;
import org.ccin.config.ConfigLoader;
import org.ccin.store.Store;
import org.ccin.store.newsletters.Content;
import org.ccin.store.newsletters.Media;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.NewsletterStatus;
import org.ccin.store.outbox.OutboxStatus;

/**
 * A newsletter to many subscribers through the real bot against the fake Bot API enforcing Telegram's limits
 * (30 messages/s overall, 1/s per chat): the throughput as a fraction of the bot's configured limit, the 429s the
 * bot caused itself, the latency of members' interactive replies while it runs, and, with injected faults (5% 429,
 * 2% 5xx, 3% 403), whether the final counts add up. Not a test: run with
 * {@code mvn -B -q -pl bot -am -Pbench -DskipTests verify} (-Dbench.recipients=10000 -Dbench.faultRecipients=2000).
 */
public final class BroadcastBenchmark {
    private static final long STAFF = 900;
    private static final int ASKERS = 20;
    private static final long ASK_EVERY_MILLIS = 250;

    private BroadcastBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = Integer.getInteger("bench.recipients", 10_000);
        int faultRecipients = Integer.getInteger("bench.faultRecipients", 2_000);
        int startRecipients = Integer.getInteger("bench.startRecipients", 10_000);
        if (startRecipients > 0) {
            measureStart(startRecipients);
        }
        if (recipients > 0) {
            run("clean", recipients, false);
        }
        if (faultRecipients > 0) {
            run("faults", faultRecipients, true);
        }
        System.exit(0);
    }

    /** Staff tap Send on the draft: the data of the "Yes, send now" shown (its one-time id is bound to the draft). */
    private static String yesToSend(FakeBotApi telegram, FakeUser staff, long id) {
        telegram.forgeCallback(staff, STAFF, 1, "nl:s:" + id);
        return telegram.awaitCall(c -> c.chatId() == STAFF && c.text().contains("now?"), Duration.ofSeconds(60))
                .callbackData("✅ Yes, send now");
    }

    /**
     * The moment staff tap "Yes, send now" for a large newsletter: how long until every delivery is queued, and how
     * long members who ask meanwhile wait for their answer (one question each, spread over the start, each in its
     * own chat so that Telegram's per-chat limit does not count, and fewer a second than the overall limit).
     */
    private static void measureStart(int recipients) throws Exception {
        // 12 questions a second: well under the bot's overall limit, which replies share with the newsletter
        int askers = 30;
        long everyMillis = 80;
        Path dir = Files.createTempDirectory("ccin-start-bench");
        try (FakeBotApi telegram = FakeBotApi.builder().maxRecordedCalls(1_000).start()) {
            telegram.enforceTelegramLimits();
            Map<String, String> environment = Map.of("CCIN_BOT_TOKEN", telegram.token(), "CCIN_BOT_API_URL",
                    telegram.url(), "CCIN_BOT_DB", dir.resolve("bench.db").toString(), "CCIN_BOT_WEB_PORT", "0",
                    "CCIN_BOT_STAFF", String.valueOf(STAFF));
            Files.writeString(dir.resolve("bot.yml"), "telegram:\n  pollTimeoutSeconds: 1\n");
            BotConfig config = new ConfigLoader().load(Optional.of(dir.resolve("bot.yml")), environment);
            BotApplication app = BotApplication.start(config, Clock.systemUTC());
            try {
                Store store = app.store();
                FakeUser staff = telegram.addUser(FakeUser.of(STAFF, "Staff"));
                Subscribers.add(store, telegram, recipients);
                long id = store.newsletters().issues().createDraft(new Content("Start news", "<b>Start news</b>",
                        Media.TEXT, Optional.empty(), List.of()), "monthly", STAFF);
                List<FakeUser> people = new ArrayList<>();
                for (int i = 0; i < askers; i++) {
                    people.add(telegram.addUser(FakeUser.of(8_000_000 + i, "Asker" + i)));
                }
                Map<Long, Long> askedAt = new ConcurrentHashMap<>();
                ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
                telegram.addListener((ApiCall call) -> {
                    Long asked = call.ok() && call.is("sendmessage") ? askedAt.remove(call.chatId()) : null;
                    if (asked != null) {
                        latencies.add(System.nanoTime() - asked);
                    }
                });
                // warm up: every asker once, before the newsletter
                for (FakeUser person : people) {
                    askedAt.put(person.id(), System.nanoTime());
                    telegram.userMessage(person, "/help");
                }
                while (!askedAt.isEmpty()) {
                    Thread.sleep(20); // a benchmark's pacing, not a test's wait
                }
                Thread.sleep(1_100); // Telegram's one message a second per chat
                latencies.clear();
                for (FakeUser person : people) {
                    askedAt.put(person.id(), System.nanoTime());
                    telegram.userMessage(person, "/help");
                    while (askedAt.containsKey(person.id())) {
                        Thread.sleep(1);
                    }
                }
                List<Long> quiet = new ArrayList<>(latencies);
                Collections.sort(quiet);
                System.out.printf("[start] before it, one question at a time with nothing else going on: %d replies, p50 %.0f ms, max %.0f ms%n",
                        quiet.size(), percentile(quiet, 50), percentile(quiet, 100));
                latencies.clear();
                String yes = yesToSend(telegram, staff, id);
                Thread.sleep(1_100); // Telegram's one message a second per chat
                long tapped = System.nanoTime();
                telegram.forgeCallback(staff, STAFF, 1, yes);
                long queuedAt = 0;
                int next = 0;
                while (next < askers || !askedAt.isEmpty()) {
                    if (next < askers) {
                        FakeUser person = people.get(next++);
                        askedAt.put(person.id(), System.nanoTime());
                        telegram.userMessage(person, "/help");
                    }
                    Thread.sleep(everyMillis);
                    if (queuedAt == 0 && store.newsletters().issues().queueing().isEmpty()
                            && store.newsletters().issues().find(id).orElseThrow().status() != NewsletterStatus.DRAFT) {
                        queuedAt = System.nanoTime();
                    }
                }
                List<Long> sorted = new ArrayList<>(latencies);
                Collections.sort(sorted);
                System.out.printf("[start] %d recipients: all deliveries queued %.2f s after the tap%n", recipients,
                        (queuedAt - tapped) / 1e9);
                System.out.printf("[start] members' replies asked during the first %.1f s: %d, p50 %.0f ms, p95 %.0f ms, "
                        + "p99 %.0f ms, max %.0f ms%n", askers * everyMillis / 1000.0, sorted.size(), percentile(sorted, 50),
                        percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100));
            } finally {
                app.close();
            }
        }
    }

    private static void run(String name, int recipients, boolean faults) throws Exception {
        Path dir = Files.createTempDirectory("ccin-broadcast-bench");
        try (FakeBotApi telegram = FakeBotApi.builder().maxRecordedCalls(1_000).start()) {
            telegram.enforceTelegramLimits();
            Map<String, String> environment = Map.of("CCIN_BOT_TOKEN", telegram.token(), "CCIN_BOT_API_URL",
                    telegram.url(), "CCIN_BOT_DB", dir.resolve("bench.db").toString(), "CCIN_BOT_WEB_PORT", "0",
                    "CCIN_BOT_STAFF", String.valueOf(STAFF));
            Files.writeString(dir.resolve("bot.yml"), "telegram:\n  pollTimeoutSeconds: 1\n");
            BotConfig config = new ConfigLoader().load(Optional.of(dir.resolve("bot.yml")), environment);
            BotApplication app = BotApplication.start(config, Clock.systemUTC());
            try {
                measure(name, recipients, faults, telegram, app, config);
            } finally {
                app.close();
            }
        }
    }

    private static void measure(String name, int recipients, boolean faults, FakeBotApi telegram, BotApplication app,
                                BotConfig config) throws Exception {
        Store store = app.store();
        FakeUser staff = telegram.addUser(FakeUser.of(STAFF, "Staff"));
        long setupStart = System.nanoTime();
        Subscribers.add(store, telegram, recipients);
        System.out.printf("[%s] %d subscribers set up in %.1f s%n", name, recipients,
                (System.nanoTime() - setupStart) / 1e9);
        long id = store.newsletters().issues().createDraft(new Content("Benchmark news",
                "<b>Benchmark news</b>: what the network did this month, in a paragraph of ordinary length for a "
                        + "newsletter, with a <a href=\"https://www.councils.coop\">link</a>.",
                Media.TEXT, Optional.empty(), List.of()), "monthly", STAFF);

        List<FakeUser> askers = new ArrayList<>();
        for (int i = 0; i < ASKERS; i++) {
            askers.add(telegram.addUser(FakeUser.of(9_000_000 + i, "Asker" + i)));
        }
        Map<Long, Long> askedAt = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong firstDelivery = new AtomicLong();
        AtomicLong lastDelivery = new AtomicLong();
        AtomicLong delivered = new AtomicLong();
        // every message the bot sent while the broadcast ran (replies and report edits too): all share the global limit
        ConcurrentLinkedQueue<Long> allMessages = new ConcurrentLinkedQueue<>();
        // the bot tells staff once every delivery is settled: the end of the run
        CountDownLatch finalReport = new CountDownLatch(1);
        telegram.addListener((ApiCall call) -> {
            if (!call.ok() || !(call.is("sendmessage") || call.is("editmessagetext"))) {
                return;
            }
            long now = System.nanoTime();
            allMessages.add(now);
            if (!call.is("sendmessage")) {
                return;
            }
            if (call.chatId() == STAFF && call.text().contains("<b>Delivered.</b>")) {
                finalReport.countDown();
            }
            if (call.text().startsWith("<b>Benchmark news</b>")) {
                firstDelivery.compareAndSet(0, now);
                lastDelivery.set(now);
                delivered.incrementAndGet();
            } else {
                Long asked = askedAt.remove(call.chatId());
                if (asked != null && call.text().contains("what I can do")) {
                    latencies.add(now - asked);
                }
            }
        });
        if (faults) {
            telegram.randomFaults(7, 0.05, 0.02, 0.03);
        }

        telegram.forgeCallback(staff, STAFF, 1, yesToSend(telegram, staff, id));
        // the members ask in turn, at a steady pace, one question each at a time, until the broadcast is over
        ScheduledExecutorService asking = Executors.newSingleThreadScheduledExecutor();
        AtomicLong turn = new AtomicLong();
        asking.scheduleAtFixedRate(() -> {
            FakeUser asker = askers.get((int) (turn.getAndIncrement() % ASKERS));
            if (askedAt.putIfAbsent(asker.id(), System.nanoTime()) == null) {
                telegram.userMessage(asker, "/help");
            }
        }, 0, ASK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
        try {
            if (!finalReport.await(1, TimeUnit.HOURS)) {
                throw new IllegalStateException("the broadcast did not finish within an hour");
            }
        } finally {
            asking.shutdownNow();
        }
        if (store.newsletters().issues().find(id).orElseThrow().status() != NewsletterStatus.SENT) {
            throw new IllegalStateException("the final report came before the newsletter was marked sent");
        }
        long first = firstDelivery.get();
        long last = lastDelivery.get();
        long total = allMessages.stream().filter(t -> t >= first && t <= last).count();
        report(name, recipients, faults, telegram, store, config, id, latencies, first, last, delivered.get(), total);
    }

    private static void report(String name, int recipients, boolean faults, FakeBotApi telegram, Store store,
                               BotConfig config, long id, ConcurrentLinkedQueue<Long> latencies, long first, long last,
                               long delivered, long allMessages) {
        double seconds = (last - first) / 1e9;
        double rate = seconds > 0 ? (delivered - 1) / seconds : 0;
        double totalRate = seconds > 0 ? (allMessages - 1) / seconds : 0;
        double limit = config.sending().globalPerSecond();
        Map<OutboxStatus, Integer> counts = store.outbox().counts(NewsletterRepository.KIND, id);
        int sent = counts.getOrDefault(OutboxStatus.SENT, 0);
        int blocked = counts.getOrDefault(OutboxStatus.BLOCKED, 0);
        int failed = counts.getOrDefault(OutboxStatus.FAILED, 0) + counts.getOrDefault(OutboxStatus.DEAD, 0);
        int other = recipients - sent - blocked - failed;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("[%s] %d recipients: %d delivered in %.1f s = %.2f msg/s, %.1f%% of the configured %.0f/s%n",
                name, recipients, delivered, seconds, rate, 100 * rate / limit, limit);
        System.out.printf("[%s] all the bot's messages in that time (newsletter, replies, report edits): %d = %.2f msg/s, "
                + "%.1f%% of the configured %.0f/s%n", name, allMessages, totalRate, 100 * totalRate / limit, limit);
        System.out.printf("[%s] 429 answers caused by the bot itself (flood limits): %d; injected faults: %d%n",
                name, telegram.rateLimited429Count(), telegram.injectedFaultCount());
        System.out.printf("[%s] interactive replies during the broadcast: %d, p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, "
                + "max %.0f ms%n", name, sorted.size(), percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), percentile(sorted, 100));
        System.out.printf("[%s] final counts: %d sent + %d blocked + %d failed + %d other = %d of %d recipients "
                + "(%s); the fake received %d%n", name, sent, blocked, failed, other, sent + blocked + failed + other,
                recipients, other == 0 ? "adds up" : "DOES NOT ADD UP", delivered);
        if (!faults && delivered != recipients || delivered != sent || other != 0) {
            System.out.printf("[%s] MISMATCH: deliveries seen by the fake and the outbox differ%n", name);
        }
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
