package org.ccin.store.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.ccin.store.Database;
import org.ccin.store.Store;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyFilters;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.SearchPage;
import org.ccin.store.search.FtsQuery;

/**
 * Search speed of the case-study library: generates 10,000 and 100,000 case studies of realistic length
 * (title, a two-sentence summary, a body of about 300 words drawn from a Zipf-like vocabulary), times the import,
 * then times searches for a mix of rare, middling and common words and word pairs, and prints p50, p95 and p99.
 * A benchmark, not a test: run it with {@code mvn -B -q -pl store -am -Pbench -DskipTests verify}.
 */
public final class SearchBenchmark {
    private static final int QUERIES = 2_000;
    private static final int VOCABULARY = 20_000;
    private static final List<String> DOMAIN = List.of("housing", "energy", "cooperative", "community", "wealth",
            "building", "procurement", "care", "health", "youth", "food", "climate", "tenants", "residents",
            "council", "budget", "participatory", "refugees", "skills", "transport", "digital", "assets");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        for (int size : args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {10_000, 100_000}) {
            run(size);
        }
    }

    private static void run(int size) throws Exception {
        Path dir = Files.createTempDirectory("ccin-search-bench");
        Store store = new Store(Database.open(dir.resolve("bench.db")), Clock.systemUTC(), Duration.ofHours(1));
        Random random = new Random(42);
        List<String> words = vocabulary(random);
        long started = System.nanoTime();
        int batch = 1_000;
        for (int from = 0; from < size; from += batch) {
            int first = from;
            store.database().jdbi().useTransaction(h -> {
                for (int i = first; i < Math.min(first + batch, size); i++) {
                    store.caseStudies().upsert(h, caseStudy(i, words, random));
                }
            });
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;

        List<String[]> queries = queries(words, random);
        Map<String, List<String>> synonyms = Map.of("cwb", List.of("community wealth building"));
        for (int i = 0; i < 200; i++) {
            search(store, queries.get(i)[1], synonyms);
        }
        long[] nanos = new long[QUERIES];
        Map<String, List<Long>> byKind = new java.util.TreeMap<>();
        long totalResults = 0;
        for (int i = 0; i < QUERIES; i++) {
            String[] query = queries.get(i % queries.size());
            long t = System.nanoTime();
            totalResults += search(store, query[1], synonyms).matching();
            nanos[i] = System.nanoTime() - t;
            byKind.computeIfAbsent(query[0], k -> new ArrayList<>()).add(nanos[i]);
        }
        Arrays.sort(nanos);
        System.out.printf("case studies: %,d  import: %.1f s (%,.0f per second)  database: %,d MB%n", size,
                importSeconds, size / importSeconds, Files.size(dir.resolve("bench.db")) / 1_000_000);
        System.out.printf("  %,d searches, all: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms  "
                        + "(mean matches %,d, counted up to 1,000)%n", QUERIES, ms(nanos, 0.50), ms(nanos, 0.95),
                ms(nanos, 0.99), nanos[QUERIES - 1] / 1e6, totalResults / QUERIES);
        byKind.forEach((kind, times) -> {
            long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("    %-9s p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", kind, ms(sorted, 0.50),
                    ms(sorted, 0.95), ms(sorted, 0.99));
        });
    }

    private static SearchPage search(Store store, String text, Map<String, List<String>> synonyms) {
        return store.caseStudies().search(FtsQuery.of(text, synonyms), CaseStudyFilters.none(), 0, 5);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** Made-up words of 4 to 10 letters; the first ones (the domain's words) are the most frequent. */
    private static List<String> vocabulary(Random random) {
        List<String> words = new ArrayList<>(DOMAIN);
        String letters = "abcdefghijklmnoprstuvwy";
        while (words.size() < VOCABULARY) {
            int length = 4 + random.nextInt(7);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < length; i++) {
                word.append(letters.charAt(random.nextInt(letters.length())));
            }
            words.add(word.toString());
        }
        return words;
    }

    /** A word by Zipf-like rank: word k is drawn about 1/k as often as the first. */
    private static String zipf(List<String> words, Random random) {
        double u = random.nextDouble();
        int rank = (int) Math.floor(Math.pow(words.size(), u)) - 1;
        return words.get(Math.max(0, Math.min(words.size() - 1, rank)));
    }

    private static String text(List<String> words, Random random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(i == 0 ? "" : " ").append(zipf(words, random));
            if (i % 15 == 14) {
                text.append('.');
            }
        }
        return text.toString();
    }

    private static CaseStudyData caseStudy(int i, List<String> words, Random random) {
        return new CaseStudyData("bench-" + i, text(words, random, 4 + random.nextInt(6)),
                CaseStudyKind.values()[random.nextInt(3)], text(words, random, 30), text(words, random, 250
                + random.nextInt(150)), Optional.empty(), Optional.empty(), Optional.of(2010 + random.nextInt(15)),
                List.of("Council " + random.nextInt(150)), List.of());
    }

    /** A quarter each: a common word, a middling word, a rare word, and a pair of words; [kind, text]. */
    private static List<String[]> queries(List<String> words, Random random) {
        List<String[]> queries = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            queries.add(new String[] {"common", words.get(random.nextInt(30))});
            queries.add(new String[] {"middling", words.get(300 + random.nextInt(2_000))});
            queries.add(new String[] {"rare", words.get(10_000 + random.nextInt(VOCABULARY - 10_000))});
            queries.add(new String[] {"pair", zipf(words, random) + " " + zipf(words, random)});
        }
        java.util.Collections.shuffle(queries, random);
        return queries;
    }
}
