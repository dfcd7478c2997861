package org.ccin.bot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.ccin.bot.e2e.TestBot;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;

/**
 * How often a question about the bundled action plan is answered with the right fact first: each question is typed
 * as a member would (typos, synonyms, Welsh, whole sentences, periods) into the real bot against the fake Bot API,
 * and the first line of the answer must hold every expected fragment (an action code, a lead, a date range). The
 * questions are in {@code bench/plan-questions.txt}. Prints the misses and the share right, overall and by kind of
 * question. Today is 10 July 2024 for "next month" and "overdue".
 * Not a test: run with {@code mvn -B -q -o -pl bot -am -Pplanbench -DskipTests verify}; another question set can be
 * given with {@code -Dbench.questions=file}, one question a line as {@code question | fragment | fragment…}.
 */
public final class PlanQuestionsBenchmark {
    private record Case(String section, String question, List<String> expected) {
    }

    private PlanQuestionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String file = System.getProperty("bench.questions", "");
        List<String> lines = file.isBlank() ? resource("/bench/plan-questions.txt") : Files.readAllLines(Path.of(file));
        List<Case> cases = new ArrayList<>();
        String section = "";
        for (String line : lines) {
            if (line.startsWith("# ") && !line.contains("|")) {
                section = line.substring(2).strip();
            } else if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.split("\\s*\\|\\s*");
                cases.add(new Case(section, parts[0].strip(), List.of(parts).subList(1, parts.length)));
            }
        }
        Map<String, int[]> bySection = new LinkedHashMap<>();
        Path dir = Files.createTempDirectory("ccin-plan-bench");
        int right = 0;
        List<String> misses = new ArrayList<>();
        long started = System.nanoTime();
        try (TestBot bot = TestBot.start(dir)) {
            bot.clock.set(Instant.parse("2024-07-10T12:00:00Z"));
            FakeUser member = bot.user(4242, "Bench");
            for (Case c : cases) {
                bot.send(member, c.question());
                ApiCall answer = bot.awaitReply(4242, call -> true);
                String first = plain(answer.text()).split("\n", 2)[0];
                boolean ok = c.expected().stream().allMatch(e -> first.toLowerCase(Locale.ROOT)
                        .contains(e.toLowerCase(Locale.ROOT)));
                int[] counts = bySection.computeIfAbsent(c.section(), k -> new int[2]);
                counts[1]++;
                if (ok) {
                    counts[0]++;
                    right++;
                } else {
                    misses.add("  ✗ " + c.question() + "\n      wanted " + c.expected() + "\n      got    " + first);
                }
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        misses.forEach(System.out::println);
        bySection.forEach((name, counts) -> System.out.printf(Locale.ROOT, "  %3d of %3d  %s%n", counts[0], counts[1],
                name));
        System.out.printf(Locale.ROOT, "Plan questions: %d of %d answered with the right fact first (%.1f%%), %d ms in all%n",
                right, cases.size(), 100.0 * right / cases.size(), ms);
    }

    private static List<String> resource(String name) throws IOException {
        try (var in = PlanQuestionsBenchmark.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
