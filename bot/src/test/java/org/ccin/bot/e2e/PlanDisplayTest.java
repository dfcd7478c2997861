package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.Progress;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the plan is shown in chat: overdue beside the traffic light, the leads' notes on the card and in /actions with
 * their history, and the staff digest's notes; through the fake Bot API with the bot's clock set by the test.
 */
class PlanDisplayTest {
    private static final String ACTION = """
            actions:
              - plan: strategy-2024-2026
                code: "3.90"
                objective: "3"
                text: Test how the plan shows notes and overdue milestones.
                leads: ["Values and Principles Board"]
                milestones: ["Autumn 2026", "Summer 2027"]
                progress: on_track
            """;
    /** Fourteen days before Autumn 2026 ends (30 November): the first reminder of 3.90 is due. */
    private static final Instant FIRST_REMINDER = Instant.parse("2026-11-16T09:05:00Z");
    private static final String LONG_NOTE = "The venue is booked for the launch; the board meets again in January. "
            + "We still need two councils to host the follow-up workshops, and the evaluation partner has asked for "
            + "the attendance figures of the last three sessions before they can send their first report.";

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser ada;
    private FakeUser robin;
    private Action action;

    @BeforeEach
    void start() {
        ada = bot.user(42, "Ada");
        robin = bot.user(77, "Robin");
        ImportSections.importer(bot.store(), MilestoneDates.defaults())
                .importSources(List.of(new ImportSource("test-action.yml", ACTION)));
        action = bot.store().plans().byCode("3.90").get(0);
    }

    private ApiCall openObjective(FakeUser user, String prefix) {
        bot.send(user, "/actions");
        ApiCall plan = bot.awaitReply(user.id(), c -> TestBot.buttons(c).stream().anyMatch(b -> b.startsWith(prefix)));
        bot.tap(user, TestBot.buttons(plan).stream().filter(b -> b.startsWith(prefix)).findFirst().orElseThrow());
        return bot.awaitReply(user.id(), c -> c.is("editmessagetext") && c.text().contains("<b>" + prefix));
    }

    @Test
    @DisplayName("Overdue shows beside the light in /actions and on the card, in English and Welsh; the light stays as set")
    void overdueInChat() {
        // GIVEN today is 25 November 2026: 1.4 (on track, due Summer 2024) is overdue, 3.90 (due Autumn 2026) is not
        ApiCall plan = openObjectiveAfterPlan(ada);
        assertThat(plan.text()).contains("⏰").contains("overdue");

        ApiCall objective = openObjective(ada, "1.");
        assertThat(objective.text()).contains("🟢 ⏰ <b>1.4</b>").contains("overdue since 31 Aug 2024");

        bot.tap(ada, "🟢 1.4");
        ApiCall card = bot.awaitReply(42, c -> c.text().contains("Action 1.4"));
        assertThat(card.text()).startsWith("🟢 ⏰ <b>Action 1.4</b>")
                .contains("Progress: on track · ⏰ overdue since 31 Aug 2024");
        assertThat(bot.store().plans().byCode("1.4").get(0).progress()).isEqualTo(Progress.ON_TRACK);

        ApiCall third = openObjective(ada, "3.");
        assertThat(third.text()).contains("🟢 <b>3.90</b>").doesNotContain("🟢 ⏰ <b>3.90</b>");

        // WHEN Autumn 2026 has passed, 3.90 is overdue since its end, with its own light unchanged
        bot.clock.set(Instant.parse("2026-12-02T10:00:00Z"));
        third = openObjective(ada, "3.");
        assertThat(third.text()).contains("🟢 ⏰ <b>3.90</b>").contains("overdue since 30 Nov 2026");

        // AND a Welsh speaker reads it in Welsh
        FakeUser dafydd = bot.telegram.addUser(FakeUser.of(78, "Dafydd").withLanguage("cy"));
        openObjective(dafydd, "1.");
        bot.tap(dafydd, "🟢 1.4");
        ApiCall welsh = bot.awaitReply(78, c -> c.text().contains("Cam 1.4"));
        assertThat(welsh.text()).contains("Cynnydd: ar y trywydd iawn · ⏰ yn hwyr ers 31 Awst 2024");
    }

    private ApiCall openObjectiveAfterPlan(FakeUser user) {
        bot.send(user, "/actions");
        return bot.awaitText(user.id(), "CCIN Strategy 2024–2026");
    }

    /** Robin, linked to 3.90 as the Values and Principles Board, answers his reminder with a note. */
    private void robinWritesANote(String note) {
        // linked before the reminder's slot, as a lead would be
        bot.clock.set(FIRST_REMINDER.minusSeconds(7 * 24 * 3600));
        long memberId = bot.store().members().findByTelegramId(robin.id()).orElseGet(() -> {
            bot.send(robin, "/help");
            bot.awaitText(robin.id(), "/start");
            return bot.store().members().findByTelegramId(robin.id()).orElseThrow();
        }).id();
        bot.store().reminders().leads().link(action.id(), "Values and Principles Board", memberId,
                LeadLink.Method.USERNAME, Optional.of(TestBot.STAFF_ID));
        bot.clock.set(FIRST_REMINDER);
        bot.runRoutineAsAct("reminders");
        bot.awaitReply(robin.id(), c -> c.text().contains("Action 3.90") && c.text().contains("How is it going?"));
        bot.tap(robin, "📝 Add a note");
        bot.awaitText(robin.id(), "shown with the action on the plan");
        // a minute later: well inside the week the digest looks back on
        bot.clock.set(FIRST_REMINDER.plusSeconds(60));
        bot.send(robin, note);
        bot.awaitText(robin.id(), "your note on action 3.90 is saved");
    }

    private void staffNote(Instant at, String note) {
        bot.clock.set(at);
        bot.store().reminders().progress().record(action.id(), Optional.empty(), Optional.empty(), Answer.NOTE,
                Optional.of(note));
    }

    @Test
    @DisplayName("A lead's note shows on the card and in /actions with the lead's name in the plan and the date")
    void notesOnTheCard() {
        robinWritesANote(LONG_NOTE);

        ApiCall objective = openObjective(ada, "3.");
        assertThat(objective.text()).contains("📝 <i>Values and Principles Board, 16 Nov 2026:</i> The venue is booked")
                .doesNotContain("Robin");

        bot.tap(ada, "🟢 3.90");
        ApiCall card = bot.awaitReply(42, c -> c.text().contains("Action 3.90"));
        assertThat(card.text()).contains("📝 <b>Latest note</b> (Values and Principles Board, 16 Nov 2026): "
                + LONG_NOTE).doesNotContain("Robin");
        assertThat(TestBot.buttons(card)).contains("📝 History (1 note)", "« Back to the objective");

        // a newer note (recorded by staff) becomes the latest
        staffNote(Instant.parse("2026-11-18T12:00:00Z"), "Second workshop confirmed in Oldham.");
        bot.tap(ada, "« Back to the objective");
        bot.awaitReply(42, c -> c.text().contains("<b>3.90</b>"));
        bot.tap(ada, "🟢 3.90");
        card = bot.awaitReply(42, c -> c.text().contains("Action 3.90"));
        assertThat(card.text()).contains("(staff, 18 Nov 2026): Second workshop confirmed in Oldham.")
                .doesNotContain("The venue is booked");
    }

    @Test
    @DisplayName("History lists every note, newest first, a page at a time; forged history buttons get a clear answer")
    void history() {
        robinWritesANote("First: the venue is booked.");
        staffNote(Instant.parse("2026-11-17T10:00:00Z"), "Second: speakers invited.");
        staffNote(Instant.parse("2026-11-18T10:00:00Z"), "Third: agenda drafted.");
        staffNote(Instant.parse("2026-11-19T10:00:00Z"), "Fourth: tickets on sale.");

        openObjective(ada, "3.");
        bot.tap(ada, "🟢 3.90");
        bot.awaitReply(42, c -> c.text().contains("Action 3.90"));
        bot.tap(ada, "📝 History (4 notes)");
        ApiCall first = bot.awaitReply(42, c -> c.text().contains("Notes on action 3.90"));
        assertThat(first.text()).contains("(4), newest first").contains("Page 1 of 2")
                .doesNotContain("First: the venue is booked.");
        assertThat(first.text().indexOf("Fourth")).isLessThan(first.text().indexOf("Third"));
        assertThat(first.text().indexOf("Third")).isLessThan(first.text().indexOf("Second"));
        assertThat(TestBot.buttons(first)).containsExactly("Older ›", "« Back to the action");

        bot.tap(ada, "Older ›");
        ApiCall second = bot.awaitReply(42, c -> c.text().contains("Page 2 of 2"));
        assertThat(second.text()).contains("<b>Values and Principles Board</b>, 16 Nov 2026:\nFirst: the venue is booked.")
                .doesNotContain("Fourth").doesNotContain("Robin");
        assertThat(TestBot.buttons(second)).containsExactly("‹ Newer", "« Back to the action");

        bot.tap(ada, "« Back to the action");
        bot.awaitReply(42, c -> c.text().contains("Action 3.90"));

        int message = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        for (String forged : List.of("plan:hist:999999:0", "plan:hist:abc:0", "plan:hist:" + action.id(),
                "plan:hist:" + action.id() + ":2", "plan:hist:" + action.id() + ":-1",
                "plan:hist:" + action.id() + ":0:0")) {
            // the answer to each forged button is a pop-up alert with the reason (the tap before it was answered
            // quietly, and that answer can arrive late: it is not the one looked for)
            bot.forge(ada, 42, message, forged);
            ApiCall answer = bot.awaitAnswer(c -> c.is("answercallbackquery")
                    && c.param("show_alert").orElse("").equals("true"));
            assertThat(answer.param("text").orElse("")).as(forged).contains("I can't find those notes");
        }
        // an action without notes has no History button, and its history (asked for anyway) says so
        Action quiet = bot.store().plans().byCode("1.4").get(0);
        bot.forge(ada, 42, message, "plan:hist:" + quiet.id() + ":0");
        assertThat(bot.awaitReply(42, c -> c.text().contains("Notes on action 1.4")).text()).contains("No notes yet");
    }

    @Test
    @DisplayName("Staff's weekly digest is followed by every note of the week in full")
    void digestNotes() {
        FakeUser staff = bot.user(TestBot.STAFF_ID, "Sam");
        robinWritesANote(LONG_NOTE);
        staffNote(Instant.parse("2026-11-18T10:00:00Z"), "Speakers invited.");

        bot.clock.set(Instant.parse("2026-11-23T09:05:00Z"));
        bot.runRoutineAsAct("reminders");
        ApiCall notes = bot.awaitReply(staff.id(), c -> c.text().contains("Leads' notes this week"));
        assertThat(notes.text()).contains("(2), in full")
                .contains("• <b>3.90</b>, Values and Principles Board, 16 Nov 2026:\n" + LONG_NOTE)
                .contains("• <b>3.90</b>, staff, 18 Nov 2026:\nSpeakers invited.");
        assertThat(notes.text().indexOf(LONG_NOTE)).isLessThan(notes.text().indexOf("Speakers invited."));
    }
}
