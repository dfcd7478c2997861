package org.ccin.bot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ccin.bot.e2e.TestBot;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;

/**
 * How often a question about the bundled action plan is answered with the right fact first: each question is typed
 * as a member would (typos, synonyms, Welsh, whole sentences, periods) into the real bot against the fake Bot API,
 * and the first line of the answer must hold every expected fragment (an action code, a lead, a date range). Prints
 * the misses and the share right. Today is 10 July 2024 for "next month" and "overdue".
 * Not a test: run with {@code mvn -B -q -o -pl bot -am -Pplanbench -DskipTests verify}; another question set can be
 * given with {@code -Dbench.questions=file}, one question a line as {@code question | fragment | fragment…}.
 */
public final class PlanQuestionsBenchmark {
    private record Case(String question, List<String> expected) {
    }

    private static final List<Case> CASES = new ArrayList<>();

    private static void ask(String question, String... expected) {
        CASES.add(new Case(question, List.of(expected)));
    }

    static {
        // who leads something
        ask("who leads the welcome pack?", "1.16", "Nicola Huckerby");
        ask("whos leading on the whatsapp groups", "1.4", "Morgan Jones");
        ask("who is responsible for the brand guidelines", "3.4", "Nicola Huckerby");
        ask("who leads theme 3?", "Theme 3", "Paul Stewart");
        ask("who leads theme 4", "Theme 4", "Clare Penny-Evans");
        ask("who is the lead for podcasts", "1.11", "Andrew Laird");
        ask("who's in charge of the staffing structure", "1.8", "Nicola Huckerby");
        ask("who leads on template motions", "1.6", "Claire Ward");
        ask("whos leading the legal structure work", "1.1 ", "Mike Stubbs");
        ask("who leads 3.6", "3.6", "Morgan Jones");
        ask("who leads on webinars", "3.9", "Nicola Huckerby");
        ask("who leads the review of financial processes", "1.2", "F&GPG");
        ask("who is championing the cabinet champion role description", "2.2", "Claire Ward");
        ask("pwy sy'n arwain y pecyn croeso", "1.16", "Nicola Huckerby");
        ask("pwy sy'n arwain thema 3", "Theme 3", "Paul Stewart");
        ask("who leads the short videos on why to join", "2.5", "Nicola Huckerby");
        ask("who's leading the review of policy lab reports", "3.6", "Morgan Jones");
        ask("who leads the policy project champions", "3.5", "Values and Principles Board");
        ask("who leads the welcom pack", "1.16", "Nicola Huckerby");
        ask("who leads the being a coop council training session", "2.3", "Nicola Huckerby");
        ask("who is leading on translation into welsh", "1.15", "David Darkin");
        ask("who is responsable for the DPS review", "3.8", "no lead");
        // what something is, where it stands
        ask("staus of the welcom pack", "1.16", "complete");
        ask("what happend to the brand guidlines", "3.4", "on track");
        ask("what is the status of action 1.4", "1.4", "on track");
        ask("is the welcome pack done?", "1.16", "complete");
        ask("how are the podcasts going", "1.11", "not started");
        ask("where are we with the DPS", "3.8");
        ask("what is happening with the knowledge hub", "1.4");
        ask("tell me about the rules of engagement for whatsapp", "1.4");
        ask("progress on the identity toolkit", "3.4");
        ask("beth yw statws y pecyn croeso", "1.16", "complete");
        ask("what's the latest on the staffing structure", "1.8");
        ask("what is 2.3", "2.3", "Autumn 2024");
        ask("any update on webinars and events", "3.9", "November 2024");
        ask("what are we doing about wales", "1.1", "Wales");
        ask("whats happening with member benefits", "1.3", "not started");
        ask("how is the anniversary video coming along", "2.5", "complete");
        // what someone or some council leads
        ask("what does Nicola Huckerby lead?", "led by Nicola Huckerby", "1.16");
        ask("actions led by Claire Ward", "led by Claire Ward", "1.1");
        ask("what is Morgan Jones leading", "led by Morgan Jones", "1.4");
        ask("what does Sunderland lead", "Paul Stewart");
        ask("beth mae Nicola Huckerby yn ei arwain", "led by Nicola Huckerby");
        ask("what is nicola huckerbey leading on", "led by Nicola Huckerby");
        ask("which actions does Simon Grove-White lead", "Simon Grove-White", "1.4");
        ask("what does Newcastle lead", "Newcastle");
        ask("what is Claire Ward responsible for", "led by Claire Ward");
        // overdue, at risk, blocked, complete
        ask("what is overdue?", "Overdue", "3.6");
        ask("whats late", "Overdue", "3.6");
        ask("beth sy'n hwyr", "Overdue", "3.6");
        ask("what is at risk", "Actions at risk");
        ask("anything blocked?", "Actions blocked");
        ask("which actions are complete", "Actions complete", "1.16");
        ask("what has been finished", "Actions complete", "2.5");
        ask("what's on track", "Actions on track", "1.1");
        ask("which actions have not started yet", "Actions not started", "1.2");
        ask("what is behind schedule", "Overdue");
        // due in a period
        ask("what was due in autumn 2024", "1 September 2024 and 30 November 2024", "2.3");
        ask("what is due in summer 2024", "1 June 2024 and 31 August 2024", "1.4");
        ask("what is due next month", "1 August 2024 and 31 August 2024", "1.1");
        ask("due in november 2024", "1 November 2024 and 30 November 2024", "3.9");
        ask("what's due this year", "1 January 2024 and 31 December 2024");
        ask("deadlines in february 2024", "1 February 2024 and 29 February 2024", "3.6");
        ask("what is due this summer", "1 June 2024 and 31 August 2024");
        ask("beth sy'n ddyledus yn yr hydref 2024", "1 September 2024 and 30 November 2024");
        ask("what milestones are coming up in autumn 2024", "1 September 2024", "2.3");
        ask("what's due in the autum of 2024", "1 September 2024 and 30 November 2024");
        ask("whats due next week", "Due between 15 July 2024 and 21 July 2024");
        // themes and objectives
        ask("what are the objectives of the current strategy", "3 objectives", "A cooperative network");
        ask("what are the themes", "4 themes");
        ask("what is in theme 2", "Theme 2", "networks");
        ask("objective 1", "Objective 1: A cooperative network");
        ask("beth yw amcanion y strategaeth", "3 objectives");
        ask("list the strategy's objectives", "3 objectives");
        ask("what does objective 3 include", "Objective 3");
        ask("who leads objective 2", "Objective 2");
        // codes and plain words
        ask("1.4", "1.4", "Morgan Jones");
        ask("action 2.5", "2.5");
        ask("welcom pack", "1.16");
        ask("brand guidlines", "3.4");
        ask("whatsapp groups", "1.4");
        // not for the plan
        ask("how many full council members do we have now", "not loaded");
    }

    private PlanQuestionsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String file = System.getProperty("bench.questions", "");
        if (!file.isBlank()) {
            CASES.clear();
            for (String line : Files.readAllLines(Path.of(file))) {
                String[] parts = line.split("\\s*\\|\\s*");
                if (!line.isBlank() && !line.startsWith("#")) {
                    CASES.add(new Case(parts[0].strip(), List.of(parts).subList(1, parts.length)));
                }
            }
        }
        Path dir = Files.createTempDirectory("ccin-plan-bench");
        int right = 0;
        List<String> misses = new ArrayList<>();
        long started = System.nanoTime();
        try (TestBot bot = TestBot.start(dir)) {
            bot.clock.set(Instant.parse("2024-07-10T12:00:00Z"));
            FakeUser member = bot.user(4242, "Bench");
            for (Case c : CASES) {
                bot.send(member, c.question());
                ApiCall answer = bot.awaitReply(4242, call -> true);
                String first = plain(answer.text()).split("\n", 2)[0];
                boolean ok = c.expected().stream().allMatch(e -> first.toLowerCase(Locale.ROOT)
                        .contains(e.toLowerCase(Locale.ROOT)));
                if (ok) {
                    right++;
                } else {
                    misses.add("  ✗ " + c.question() + "\n      wanted " + c.expected() + "\n      got    " + first);
                }
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        misses.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "Plan questions: %d of %d answered with the right fact first (%.1f%%), %d ms in all%n",
                right, CASES.size(), 100.0 * right / CASES.size(), ms);
    }

    private static String plain(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
