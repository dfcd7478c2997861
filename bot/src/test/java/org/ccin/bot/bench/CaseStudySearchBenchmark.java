package org.ccin.bot.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.knowledge.KnowledgeFeature;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.casestudies.CaseStudy;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyEmbeddings;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.CaseStudySearch;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.search.SemanticModel;
import org.ccin.store.search.TextEmbedder;
import org.ccin.store.search.Vectors;

/**
 * How well and how fast members' questions find case studies. Prints, over the bundled library and the question
 * set in {@code bench/library-questions.tsv}: recall@3 and MRR with and without the semantic part (and each
 * question answered wrongly); then search latency p50/p95 with the semantic part at 10,000 and 100,000 synthetic
 * studies; the import time of 10,000 studies with their embeddings; what the model adds to the jar; and the bot's
 * resident memory after its first question (the jar run as an operator runs it, against the fake Bot API).
 * Not a test: {@code mvn -B -q -pl bot -am -Plibbench -DskipTests verify} (-Dbench.sizes=10000,100000).
 */
public final class CaseStudySearchBenchmark {
    private static final int LATENCY_QUERIES = 400;

    private CaseStudySearchBenchmark() {
    }

    record Question(String text, List<String> expected) {
    }

    public static void main(String[] args) throws Exception {
        List<Question> questions = questions();
        Path data = dataFolder();
        quality(questions, data);
        for (String size : System.getProperty("bench.sizes", "10000,100000").split(",")) {
            if (!size.isBlank()) {
                latency(Integer.parseInt(size.strip()), questions, data);
            }
        }
        jarSize();
        if (!Boolean.getBoolean("bench.skipRss")) {
            rssAfterFirstQuestion();
        }
        System.exit(0);
    }

    // ------------------------------------------------------------------------------------------- quality

    private static void quality(List<Question> questions, Path data) throws IOException {
        Path dir = Files.createTempDirectory("ccin-library-bench");
        Store store = sampleStore(dir, data);
        long started = System.nanoTime();
        boolean semantic = store.caseStudySearch().refreshNow(CaseStudyEmbeddings.Progress.silent());
        System.out.printf("[library] model loaded and %d bundled studies embedded in %.1f s (semantic: %s)%n",
                store.caseStudies().count(), (System.nanoTime() - started) / 1e9, semantic);
        CaseStudySearch wordsOnly = new CaseStudySearch(store.caseStudies(), new CaseStudyEmbeddings(store.database()),
                store.synonyms(), SemanticModel.none());
        score("hybrid (words + meaning)", store, store.caseStudySearch(), questions);
        score("words only (fallback)", store, wordsOnly, questions);
    }

    private static void score(String label, Store store, CaseStudySearch library, List<Question> questions) {
        double recall = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Question question : questions) {
            List<String> top = KnowledgeFeature.askLibrary(store.topics(), store.referenceData(), library,
                    question.text(), 10).hits().stream()
                    .map(h -> h.caseStudy().slug()).toList();
            long inTop3 = top.stream().limit(3).filter(question.expected()::contains).count();
            recall += (double) inTop3 / Math.min(3, question.expected().size());
            int rank = 0;
            for (int i = 0; i < top.size() && rank == 0; i++) {
                if (question.expected().contains(top.get(i))) {
                    rank = i + 1;
                }
            }
            reciprocal += rank == 0 ? 0 : 1.0 / rank;
            if (rank != 1) {
                misses.add("    \"" + question.text() + "\": first right answer at " + (rank == 0 ? "none" : rank)
                        + "; top 3 " + top.stream().limit(3).toList());
            }
        }
        System.out.printf("[library] %s: %d questions, recall@3 %.3f, MRR %.3f%n", label, questions.size(),
                recall / questions.size(), reciprocal / questions.size());
        misses.forEach(System.out::println);
    }

    // ------------------------------------------------------------------------------------------- latency

    private static void latency(int size, List<Question> questions, Path data) throws Exception {
        Path dir = Files.createTempDirectory("ccin-library-bench-" + size);
        Store store = sampleStore(dir, data);
        List<CaseStudy> templates = store.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM case_studies ORDER BY id").mapTo(Long.class).list()).stream()
                .map(id -> store.caseStudies().find(id).orElseThrow()).toList();
        TextEmbedder embedder = SemanticModel.shared().await().orElseThrow();
        Random random = new Random(7);
        int synthetic = size - templates.size();
        long started = System.nanoTime();
        insertSynthetic(store, templates, synthetic, random);
        double insertSeconds = (System.nanoTime() - started) / 1e9;
        if (size <= 10_000 && Boolean.parseBoolean(System.getProperty("bench.embedImport", "true"))) {
            long embedStart = System.nanoTime();
            int[] last = {0};
            store.caseStudySearch().refreshNow((done, total) -> {
                if (done - last[0] >= 1_000 || done == total) {
                    last[0] = done;
                    System.out.printf("\r[library] embedding %,d of %,d", done, total);
                }
            });
            double embedSeconds = (System.nanoTime() - embedStart) / 1e9;
            System.out.printf("%n[library] import of %,d studies: %.1f s to write, %.1f s to embed (%.1f ms a study),"
                    + " %.1f s in all%n", synthetic, insertSeconds, embedSeconds, embedSeconds * 1000 / synthetic,
                    insertSeconds + embedSeconds);
        } else {
            // embedding 100,000 studies takes hours on two shared cores: the vectors of the synthetic studies are
            // their template's with noise, which costs the search exactly as much as real ones
            long vectorsStart = System.nanoTime();
            syntheticVectors(store, embedder, templates, random);
            // only the bundled studies are left to embed (and their vectors are still in the process's cache)
            store.caseStudySearch().refreshNow(CaseStudyEmbeddings.Progress.silent());
            System.out.printf("[library] %,d studies written in %.1f s; synthetic vectors in %.1f s%n", synthetic,
                    insertSeconds, (System.nanoTime() - vectorsStart) / 1e9);
        }
        CaseStudySearch library = store.caseStudySearch();
        for (int i = 0; i < 50; i++) {
            KnowledgeFeature.askLibrary(store.topics(), store.referenceData(), library,
                    questions.get(i % questions.size()).text(), 5);
        }
        CaseStudySearch wordsOnly = new CaseStudySearch(store.caseStudies(), new CaseStudyEmbeddings(store.database()),
                store.synonyms(), SemanticModel.none());
        long[] nanos = new long[LATENCY_QUERIES];
        long[] words = new long[LATENCY_QUERIES];
        long[] model = new long[LATENCY_QUERIES];
        long[] again = new long[LATENCY_QUERIES];
        for (int i = 0; i < LATENCY_QUERIES; i++) {
            String text = questions.get(i % questions.size()).text();
            library.forgetQuestions();
            long t = System.nanoTime();
            KnowledgeFeature.askLibrary(store.topics(), store.referenceData(), library, text, 5);
            nanos[i] = System.nanoTime() - t;
            t = System.nanoTime();
            KnowledgeFeature.askLibrary(store.topics(), store.referenceData(), library, text, 5);
            again[i] = System.nanoTime() - t;
            t = System.nanoTime();
            embedder.embed(text);
            model[i] = System.nanoTime() - t;
            t = System.nanoTime();
            KnowledgeFeature.askLibrary(store.topics(), store.referenceData(), wordsOnly, text, 5);
            words[i] = System.nanoTime() - t;
        }
        Arrays.sort(words);
        Arrays.sort(nanos);
        Arrays.sort(model);
        Arrays.sort(again);
        System.out.printf("[library] %,d studies (semantic %s): %d questions asked the first time p50 %.1f ms,"
                        + " p95 %.1f ms, max %.1f ms; the same again (More, filters) p50 %.1f ms, p95 %.1f ms;"
                        + " of which the model embedding a question p50 %.1f ms, p95 %.1f ms; words alone (no model)"
                        + " p50 %.1f ms, p95 %.1f ms; database %,d MB; load average %.1f%n", size, library.semantic(),
                LATENCY_QUERIES, ms(nanos, 0.50), ms(nanos, 0.95), nanos[nanos.length - 1] / 1e6, ms(again, 0.50),
                ms(again, 0.95), ms(model, 0.50), ms(model, 0.95), ms(words, 0.50), ms(words, 0.95),
                Files.size(dir.resolve("bench.db")) / 1_000_000,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        store.caseStudySearch().close();
        store.database().close();
        deleteTree(dir); // a 100,000-study database is some 600 MB: not left behind in the temporary folder
    }

    /** Studies made of the bundled ones' sentences, shuffled, with a made-up place: realistic words and lengths. */
    private static void insertSynthetic(Store store, List<CaseStudy> templates, int count, Random random) {
        int batch = 1_000;
        for (int from = 0; from < count; from += batch) {
            int first = from;
            store.database().jdbi().useTransaction(h -> {
                for (int i = first; i < Math.min(first + batch, count); i++) {
                    CaseStudy a = templates.get(random.nextInt(templates.size()));
                    CaseStudy b = templates.get(random.nextInt(templates.size()));
                    String place = "Town" + random.nextInt(5_000);
                    String body = mix(a.body(), b.body(), random);
                    store.caseStudies().upsert(h, new CaseStudyData("synthetic-" + i, a.title() + " in " + place,
                            CaseStudyKind.CASE_STUDY, a.summary(), body, Optional.empty(), a.regionCode(),
                            Optional.of(2010 + random.nextInt(15)), List.of(place + " Council"), a.topics()));
                }
            });
        }
    }

    private static String mix(String first, String second, Random random) {
        List<String> sentences = new ArrayList<>(Arrays.asList(first.split("(?<=\\.) ")));
        sentences.addAll(Arrays.asList(second.split("(?<=\\.) ")));
        java.util.Collections.shuffle(sentences, random);
        return String.join(" ", sentences.subList(0, Math.max(1, sentences.size() * 2 / 3)));
    }

    private static void syntheticVectors(Store store, TextEmbedder embedder, List<CaseStudy> templates,
                                         Random random) {
        Map<String, float[]> byTitle = new java.util.HashMap<>();
        templates.forEach(t -> byTitle.put(t.title(), embedder.embed(t.title() + ". " + t.summary())));
        List<long[]> rows = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        store.database().jdbi().useHandle(h -> h.createQuery("SELECT id, title, updated_at FROM case_studies"
                + " WHERE slug LIKE 'synthetic-%'").map((rs, ctx) -> {
                    rows.add(new long[] {rs.getLong(1), rs.getLong(3)});
                    titles.add(rs.getString(2).replaceAll(" in Town\\d+$", ""));
                    return null;
                }).list());
        int batch = 5_000;
        for (int from = 0; from < rows.size(); from += batch) {
            int first = from;
            store.database().jdbi().useTransaction(h -> {
                for (int i = first; i < Math.min(first + batch, rows.size()); i++) {
                    float[] base = byTitle.get(titles.get(i));
                    float[] noisy = new float[base.length];
                    for (int d = 0; d < base.length; d++) {
                        noisy[d] = base[d] + (float) (random.nextGaussian() * 0.03);
                    }
                    Vectors.Quantised q = Vectors.quantise(Vectors.unit(noisy));
                    h.createUpdate("""
                            INSERT OR REPLACE INTO case_study_embeddings
                                (case_study_id, model, text_hash, source_updated_at, scale, vector)
                            VALUES (:id, :model, 'synthetic', :at, :scale, :vector)""")
                            .bind("id", rows.get(i)[0]).bind("model", embedder.model()).bind("at", rows.get(i)[1])
                            .bind("scale", q.scale()).bind("vector", q.bytes()).execute();
                }
            });
        }
    }

    // ------------------------------------------------------------------------------------------- costs

    private static void jarSize() throws IOException {
        Path jar = Path.of(System.getProperty("bench.jar", "target/ccin-bot.jar"));
        if (!Files.isRegularFile(jar)) {
            System.out.println("[library] jar size: build the jar first (" + jar + " is missing)");
            return;
        }
        long model = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("ai/onnxruntime/") || name.startsWith("ai/djl/") || name.startsWith("native/lib/")
                        || name.startsWith("dev/langchain4j/") || name.endsWith(".onnx")
                        || name.startsWith("com/google/gson/") || name.startsWith("com/sun/jna/")) {
                    model += Math.max(0, entry.getCompressedSize());
                }
            }
        }
        System.out.printf("[library] jar %,d MB, of which the model, ONNX Runtime and the tokenizer %,d MB%n",
                Files.size(jar) / 1_000_000, model / 1_000_000);
    }

    /** The jar run as an operator runs it; its VmRSS once the model is loaded and a question answered. */
    private static void rssAfterFirstQuestion() throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/ccin-bot.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            return;
        }
        Path dir = Files.createTempDirectory("ccin-library-rss");
        try (FakeBotApi telegram = FakeBotApi.builder().start()) {
            FakeUser ada = telegram.addUser(FakeUser.of(42, "Ada"));
            Path log = dir.resolve("bot.log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString(), "run");
            builder.environment().putAll(Map.of("CCIN_BOT_TOKEN", telegram.token(), "CCIN_BOT_API_URL", telegram.url(),
                    "CCIN_BOT_DB", dir.resolve("bot.db").toString(), "CCIN_BOT_WEB_PORT", String.valueOf(freePort())));
            builder.directory(dir.toFile()).redirectErrorStream(true).redirectOutput(new File(log.toString()));
            Process bot = builder.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline && !Files.readString(log, StandardCharsets.UTF_8)
                    .contains("in the index")) {
                Thread.sleep(100); // a benchmark's polling, not a test's wait
            }
            telegram.userMessage(ada, "/casestudies lonely older people");
            while (System.nanoTime() < deadline && telegram.calls("sendmessage").stream()
                    .noneMatch(c -> c.chatId() == 42)) {
                Thread.sleep(20);
            }
            String rss = Files.readAllLines(Path.of("/proc", String.valueOf(bot.pid()), "status")).stream()
                    .filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM")).toList().toString();
            String answer = telegram.calls("sendmessage").stream().filter(c -> c.chatId() == 42)
                    .map(c -> c.text().lines().findFirst().orElse("")).findFirst().orElse("(no answer)");
            bot.destroy();
            bot.waitFor();
            System.out.println("[library] the bot after its first question (" + answer + "): " + rss);
        }
    }

    // ------------------------------------------------------------------------------------------- data

    private static Store sampleStore(Path dir, Path data) {
        Store store = new Store(Database.open(dir.resolve("bench.db")), Clock.systemUTC(), Duration.ofHours(1));
        ImportSections.importer(store, MilestoneDates.defaults()).importFiles(List.of("reference.yml", "topics.yml",
                "synonyms.yml", "case-studies.yml").stream().map(data::resolve).toList());
        return store;
    }

    private static Path dataFolder() {
        for (Path candidate : List.of(Path.of("data"), Path.of("..", "data"))) {
            if (Files.isRegularFile(candidate.resolve("case-studies.yml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("run from the repository or the bot folder: data/ is not found");
    }

    static List<Question> questions() throws IOException {
        List<Question> questions = new ArrayList<>();
        try (var in = CaseStudySearchBenchmark.class.getResourceAsStream("/bench/library-questions.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                questions.add(new Question(parts[0], List.of(parts[1].strip().split(","))));
            }
        }
        return questions;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
