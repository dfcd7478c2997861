package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.plan.Progress;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.ccin.store.reminders.ProgressUpdate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Milestone reminders to action leads, their answers, and what staff hear, end to end with an injected clock.
 * Action 3.90 is added for the tests: its first milestone, "Autumn 2026", is due Monday 30 November 2026, so its
 * slots are Monday 16 November (14 days before), Friday 27 November (3 days), the day itself, then every Monday.
 */
class RemindersTest {
    static final String ACTION = """
            actions:
              - plan: strategy-2024-2026
                code: "3.90"
                objective: "3"
                text: Test the reminders of the network's action plan.
                leads: ["Values and Principles Board", "Cllr Lee Lead"]
                milestones: ["Autumn 2026", "Summer 2027"]
                progress: not_started
            """;
    static final Instant BEFORE_FIRST_SLOT = Instant.parse("2026-11-10T10:00:00Z");
    static final Instant FOURTEEN_DAYS_BEFORE = Instant.parse("2026-11-16T09:00:00Z");
    static final Instant THREE_DAYS_BEFORE = Instant.parse("2026-11-27T09:00:00Z");

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private FakeUser lee;
    private Action action;

    @BeforeEach
    void start() throws Exception {
        bot.clock.set(BEFORE_FIRST_SLOT);
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        lee = bot.user(77, "Lee").withUsername("lee_lead");
        bot.telegram.addUser(lee);
        ImportSections.importer(bot.store(), MilestoneDates.defaults())
                .importSources(List.of(new ImportSource("test-action.yml", ACTION)));
        action = bot.store().plans().byCode("3.90").get(0);
        // Lee has talked to the bot, so it knows him and his username
        bot.send(lee, "/help");
        bot.awaitText(lee.id(), "/start");
    }

    private long milestone(int position) {
        return bot.store().plans().action(action.id()).orElseThrow().milestones().get(position).id();
    }

    private void linkLee() {
        long memberId = bot.store().members().findByTelegramId(lee.id()).orElseThrow().id();
        bot.store().reminders().leads().link(action.id(), "Cllr Lee Lead", memberId, LeadLink.Method.USERNAME,
                Optional.of(TestBot.STAFF_ID));
    }

    /** Moves the clock and runs the reminder routine, as Quartz would. */
    private void at(Instant time) {
        bot.clock.set(time);
        bot.runRoutine("reminders");
    }

    private List<OutboxRow> remindersSent() {
        return bot.store().outbox().byRef("reminder", milestone(0));
    }

    private List<FakeMessage> remindersIn(long chatId) {
        return bot.telegram.messages(chatId).stream().filter(m -> m.fromBot() && m.text().contains("Action 3.90")
                && m.text().contains("How is it going?")).toList();
    }

    private ApiCall awaitReminder() {
        return bot.awaitReply(lee.id(), c -> c.text().contains("Action 3.90") && c.text().contains("How is it going?"));
    }

    // ------------------------------------------------------------------ slots

    @Test
    @DisplayName("A reminder names the action and milestone, says the due date in words and offers the seven answers")
    void reminderContent() {
        linkLee();
        at(BEFORE_FIRST_SLOT.plus(Duration.ofHours(1)));
        assertThat(remindersSent()).isEmpty();

        bot.clock.set(FOURTEEN_DAYS_BEFORE.plus(Duration.ofMinutes(5)));
        bot.runRoutineAsAct("reminders");
        ApiCall reminder = awaitReminder();

        assertThat(reminder.text()).contains("Test the reminders").contains("Autumn 2026")
                .contains("in 14 days, Monday 30 November");
        assertThat(TestBot.buttons(reminder)).containsExactly("✅ Complete", "🟢 On track", "🟡 At risk",
                "🔴 Blocked", "💤 Snooze a week", "📝 Add a note", "🙋 Not me");
        Eventually.await("the reminder is settled", () -> remindersSent().get(0).status() == OutboxStatus.SENT);
        assertThat(remindersSent()).singleElement().satisfies(row -> {
            assertThat(row.dedupeKey()).isEqualTo("reminder:" + milestone(0) + ":"
                    + FOURTEEN_DAYS_BEFORE.getEpochSecond() + ":" + bot.store().members().findByTelegramId(lee.id())
                    .orElseThrow().id());
            assertThat(row.status()).isEqualTo(OutboxStatus.SENT);
        });
    }

    @Test
    @DisplayName("Catch-up after downtime: the missed slots give one reminder, at start, and a restart sends nothing twice")
    void catchUpAfterDowntime() {
        linkLee();
        bot.stopApp();
        // down from 10 November to 27 November, 10:00: the 14-day and the 3-day slots were missed
        bot.clock.set(THREE_DAYS_BEFORE.plus(Duration.ofHours(1)));
        bot.act(() -> {
            bot.startApp();
            return 0;
        });

        ApiCall reminder = awaitReminder();
        assertThat(reminder.text()).contains("in 3 days, Monday 30 November");
        Eventually.await("the outbox settles", () -> remindersSent().size() == 1 && remindersSent().get(0).status() == OutboxStatus.SENT);

        bot.runRoutine("reminders");
        bot.restart();
        bot.runRoutine("reminders");
        bot.restart();
        bot.runRoutine("reminders");

        assertThat(remindersSent()).hasSize(1);
        assertThat(remindersIn(lee.id())).hasSize(1);
        Integer slots = bot.store().database().jdbi().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM reminders WHERE milestone_id = :m").bind("m", milestone(0))
                .mapTo(Integer.class).one());
        assertThat(slots).as("both missed slots are recorded, one as merged").isEqualTo(2);
    }

    @Test
    @DisplayName("Each slot is sent once: the 14-day, the 3-day and the due-day reminders, then weekly while overdue")
    void eachSlotOnce() {
        linkLee();
        at(FOURTEEN_DAYS_BEFORE.plus(Duration.ofMinutes(1)));
        at(FOURTEEN_DAYS_BEFORE.plus(Duration.ofMinutes(6)));
        at(THREE_DAYS_BEFORE.plus(Duration.ofMinutes(1)));
        at(Instant.parse("2026-11-30T09:01:00Z"));
        at(Instant.parse("2026-12-07T09:01:00Z"));
        at(Instant.parse("2026-12-07T16:01:00Z"));

        Eventually.await("the outbox settles", () -> remindersIn(lee.id()).size() == 4);
        assertThat(remindersIn(lee.id())).extracting(FakeMessage::text).anySatisfy(t -> assertThat(t)
                .contains("in 3 days, Monday 30 November")).anySatisfy(t -> assertThat(t).contains("today, Monday 30 November"))
                .anySatisfy(t -> assertThat(t).contains("7 days ago, Monday 30 November (overdue)"));
        assertThat(remindersSent()).hasSize(4);
    }

    // ------------------------------------------------------------------ answers

    private void firstReminder() {
        linkLee();
        bot.clock.set(FOURTEEN_DAYS_BEFORE.plus(Duration.ofMinutes(5)));
        bot.runRoutineAsAct("reminders");
        awaitReminder();
    }

    private List<ProgressUpdate> history() {
        return bot.store().reminders().progress().history(action.id(), 20);
    }

    @Test
    @DisplayName("On track records progress with its history and edits the reminder to show the answer")
    void onTrack() {
        firstReminder();
        bot.tap(lee, "🟢 On track");

        ApiCall edited = bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == lee.id());
        assertThat(edited.text()).contains("Lee: on track").contains("Autumn 2026");
        assertThat(TestBot.buttons(edited)).containsExactly("📝 Add a note", "✏️ Change my answer");
        assertThat(bot.store().plans().action(action.id()).orElseThrow().progress()).isEqualTo(Progress.ON_TRACK);
        assertThat(history()).singleElement().satisfies(update -> {
            assertThat(update.answer()).isEqualTo(Answer.ON_TRACK);
            assertThat(update.who()).contains("Lee");
            assertThat(update.before()).isEqualTo(Progress.NOT_STARTED);
            assertThat(update.after()).isEqualTo(Progress.ON_TRACK);
            assertThat(update.milestoneId()).contains(milestone(0));
        });
    }

    @Test
    @DisplayName("Complete marks the milestone done: no more reminders of it, and the next milestone is reminded")
    void complete() {
        firstReminder();
        bot.tap(lee, "✅ Complete");
        ApiCall edited = bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == lee.id());
        assertThat(edited.text()).contains("marked this milestone complete");
        assertThat(TestBot.buttons(edited)).isEmpty();

        Action now = bot.store().plans().action(action.id()).orElseThrow();
        assertThat(now.milestones().get(0).done()).isTrue();
        assertThat(now.progress()).as("one milestone is left").isEqualTo(Progress.ON_TRACK);
        at(THREE_DAYS_BEFORE.plus(Duration.ofMinutes(1)));
        at(Instant.parse("2026-12-07T09:01:00Z"));
        assertThat(remindersSent()).hasSize(1);
        assertThat(history()).extracting(ProgressUpdate::answer).containsExactly(Answer.COMPLETE);
    }

    @Test
    @DisplayName("At risk alerts staff at once; the lead's note follows to staff and is kept in the history")
    void atRiskAlertsStaff() {
        firstReminder();
        bot.tap(lee, "🟡 At risk");

        bot.awaitText(staff.id(), "marked action 3.90");
        ApiCall alert = bot.awaitReply(staff.id(), c -> c.text().contains("at risk") && c.text().contains("Lee"));
        assertThat(alert.text()).contains("Autumn 2026");
        bot.awaitText(lee.id(), "What's in the way on action 3.90?");
        bot.send(lee, "The venue fell through; we need a new date.");

        bot.awaitText(lee.id(), "saved and passed to staff");
        bot.awaitText(staff.id(), "The venue fell through");
        assertThat(bot.store().plans().action(action.id()).orElseThrow().progress()).isEqualTo(Progress.AT_RISK);
        assertThat(history()).extracting(ProgressUpdate::answer).containsExactly(Answer.NOTE, Answer.AT_RISK);
        assertThat(history().get(0).note()).contains("The venue fell through; we need a new date.");
    }

    @Test
    @DisplayName("Blocked alerts staff too")
    void blockedAlertsStaff() {
        firstReminder();
        bot.tap(lee, "🔴 Blocked");
        bot.awaitReply(staff.id(), c -> c.text().contains("blocked") && c.text().contains("3.90"));
        assertThat(bot.store().plans().action(action.id()).orElseThrow().progress()).isEqualTo(Progress.BLOCKED);
    }

    @Test
    @DisplayName("Add a note keeps the note in the history without changing the traffic light")
    void addNote() {
        firstReminder();
        bot.tap(lee, "📝 Add a note");
        bot.awaitText(lee.id(), "Send your note about action 3.90");
        bot.send(lee, "Draft circulated to the board.");
        bot.awaitText(lee.id(), "your note on action 3.90 is saved");

        assertThat(history()).singleElement().satisfies(u -> {
            assertThat(u.answer()).isEqualTo(Answer.NOTE);
            assertThat(u.note()).contains("Draft circulated to the board.");
        });
        assertThat(bot.store().plans().action(action.id()).orElseThrow().progress()).isEqualTo(Progress.NOT_STARTED);
    }

    @Test
    @DisplayName("Snooze a week: nothing until then, one reminder when it ends")
    void snooze() {
        firstReminder();
        bot.tap(lee, "💤 Snooze a week");
        ApiCall edited = bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == lee.id());
        assertThat(edited.text()).contains("Snoozed").contains("Monday 23 November");

        // snoozed at 09:05 on Monday 16 November: until 09:05 a week later
        at(Instant.parse("2026-11-23T09:00:00Z"));
        assertThat(remindersSent()).hasSize(1);
        at(Instant.parse("2026-11-23T09:10:00Z"));
        Eventually.await("the outbox settles", () -> remindersIn(lee.id()).size() == 2);
        at(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(remindersSent()).hasSize(2);
        assertThat(history()).extracting(ProgressUpdate::answer).containsExactly(Answer.SNOOZED);
    }

    @Test
    @DisplayName("Not me: the lead is no longer reminded and staff are asked to reassign")
    void notMe() {
        firstReminder();
        bot.tap(lee, "🙋 Not me");

        bot.awaitReply(staff.id(), c -> c.text().contains("not the lead of action 3.90"));
        assertThat(bot.store().reminders().leads().links(action.id())).singleElement()
                .extracting(LeadLink::status).isEqualTo(LeadLink.Status.DECLINED);
        at(THREE_DAYS_BEFORE.plus(Duration.ofMinutes(1)));
        assertThat(remindersSent()).hasSize(1);
        // the declined lead can no longer answer for the action
        int message = remindersIn(lee.id()).get(0).messageId();
        bot.forge(lee, lee.id(), message, "rem:t:" + milestone(0));
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.text().contains("Only the action's lead"));
        assertThat(bot.store().plans().action(action.id()).orElseThrow().progress()).isEqualTo(Progress.NOT_STARTED);
    }

    @Test
    @DisplayName("A reminder left unanswered is passed to staff once")
    void escalation() {
        firstReminder();
        Eventually.await("the outbox settles", () -> remindersSent().get(0).status() == OutboxStatus.SENT);
        bot.clock.set(Instant.parse("2026-11-20T09:00:00Z"));
        bot.runRoutine("reminders");
        assertThat(bot.store().reminders().schedule().unanswered(bot.clock.instant())).hasSize(1);

        bot.clock.set(Instant.parse("2026-11-21T10:00:00Z"));
        bot.runRoutineAsAct("reminders");
        bot.awaitReply(staff.id(), c -> c.text().contains("has not answered the reminder for action 3.90"));
        bot.runRoutine("reminders");
        Eventually.await("the outbox settles", () -> bot.store().outbox().byRef("staff-notice", action.id()).stream()
                .allMatch(r -> r.status() == OutboxStatus.SENT));
        assertThat(bot.telegram.messages(staff.id()).stream().filter(m -> m.text().contains("has not answered")))
                .hasSize(1);
    }

    @Test
    @DisplayName("An answered reminder is not escalated")
    void answeredIsNotEscalated() {
        firstReminder();
        bot.tap(lee, "🟢 On track");
        bot.awaitAnswer(c -> c.is("editmessagetext") && c.chatId() == lee.id());
        bot.clock.set(Instant.parse("2026-11-25T10:00:00Z"));
        bot.runRoutine("reminders");
        assertThat(bot.store().reminders().schedule().unanswered(bot.clock.instant())).isEmpty();
        assertThat(bot.store().outbox().byRef("staff-notice", action.id())).isEmpty();
    }

    @Test
    @DisplayName("A lead who blocked the bot is reported to staff once and not retried")
    void leadBlockedTheBot() {
        linkLee();
        bot.telegram.block(lee.id());
        at(FOURTEEN_DAYS_BEFORE.plus(Duration.ofMinutes(5)));

        bot.awaitReply(staff.id(), c -> c.text().contains("Lee") && c.text().contains("blocked the bot"));
        Eventually.await("the outbox settles", () -> remindersSent().get(0).status() == OutboxStatus.BLOCKED);
        assertThat(bot.store().members().isUnreachable(lee.id())).isTrue();

        at(THREE_DAYS_BEFORE.plus(Duration.ofMinutes(1)));
        at(Instant.parse("2026-11-30T09:01:00Z"));
        assertThat(remindersSent()).hasSize(1);
    }

    @Test
    @DisplayName("Buttons are checked on the server: a forged answer from someone who is not the lead changes nothing")
    void forgedAnswer() {
        firstReminder();
        FakeUser mallory = bot.user(66, "Mallory");
        bot.send(mallory, "/help");
        bot.awaitText(mallory.id(), "/start");
        int message = bot.telegram.lastBotMessage(mallory.id()).orElseThrow().messageId();

        bot.forge(mallory, mallory.id(), message, "rem:c:" + milestone(0));
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.text().contains("Only the action's lead"));
        bot.forge(mallory, mallory.id(), message, "ld:mute:" + action.id());
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.text().contains("only the network's staff"));
        bot.forge(lee, lee.id(), remindersIn(lee.id()).get(0).messageId(), "rem:zz:" + milestone(0));
        bot.awaitAnswer(c -> c.is("answercallbackquery") && c.text().contains("out of date"));

        assertThat(bot.store().plans().action(action.id()).orElseThrow().milestones().get(0).done()).isFalse();
        assertThat(bot.store().reminders().schedule().isMuted(action.id())).isFalse();
        assertThat(history()).isEmpty();
    }

    // ------------------------------------------------------------------ leads

    @Test
    @DisplayName("Staff link a lead by @username; the lead is told, sees /myactions and can update from there")
    void linkByUsernameAndMyActions() {
        bot.send(staff, "/leads 3.90 @lee_lead");
        bot.awaitText(staff.id(), "has several leads");
        bot.send(staff, "/leads 3.90 @lee_lead 2");
        bot.awaitText(staff.id(), "Lee is now linked to action 3.90 as Cllr Lee Lead");
        ApiCall intro = bot.awaitText(lee.id(), "linked you as the lead of");
        assertThat(TestBot.buttons(intro)).containsExactly("🙋 Not me");

        bot.send(lee, "/myactions");
        ApiCall mine = bot.awaitText(lee.id(), "Your actions");
        assertThat(mine.text()).contains("Action 3.90").contains("Autumn 2026: due in 20 days, Monday 30 November")
                .contains("Summer 2027").contains("Not started");
        bot.tap(lee, "Update 3.90");
        awaitReminder();
        bot.tap(lee, "🟢 On track");
        bot.awaitAnswer(c -> c.is("editmessagetext") && c.text().contains("Lee: on track"));
        assertThat(bot.store().plans().action(action.id()).orElseThrow().progress()).isEqualTo(Progress.ON_TRACK);
    }

    @Test
    @DisplayName("/myactions is for leads only")
    void myActionsNeedsALink() {
        bot.send(lee, "/myactions");
        bot.awaitText(lee.id(), "That is for action leads");
    }

    @Test
    @DisplayName("Staff pick a registered member by name")
    void pickAMember() {
        FakeUser ada = bot.user(42, "Ada");
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Councillor", "North West");
        bot.send(staff, "/leads 3.90");
        ApiCall screen = bot.awaitText(staff.id(), "Leads named in the plan");
        assertThat(screen.text()).contains("Values and Principles Board").contains("Members linked (0)");
        bot.tap(staff, "👤 Pick for Values and Principles Board");
        bot.awaitText(staff.id(), "Type part of the name");
        bot.send(staff, "zzz");
        bot.awaitText(staff.id(), "No registered member matches");
        bot.send(staff, "ad");
        bot.awaitText(staff.id(), "Who stands for Values and Principles Board?");
        bot.tap(staff, "Ada");

        bot.awaitText(ada.id(), "linked you as the lead of");
        assertThat(bot.store().reminders().leads().links(action.id())).singleElement().satisfies(link -> {
            assertThat(link.firstName()).isEqualTo("Ada");
            assertThat(link.leadName()).isEqualTo("Values and Principles Board");
            assertThat(link.how()).isEqualTo(LeadLink.Method.PICKED);
        });
    }

    @Test
    @DisplayName("A one-time claim link: the lead opens it, confirms, and is linked; the link then works no more")
    void claimLink() {
        bot.send(staff, "/leads 3.90");
        bot.awaitText(staff.id(), "Leads named in the plan");
        bot.tap(staff, "🔗 Link for Cllr Lee Lead");
        ApiCall made = bot.awaitText(staff.id(), "It works once");
        Matcher link = Pattern.compile("\\?start=(lead-[A-Za-z0-9]+)").matcher(made.text());
        assertThat(link.find()).isTrue();

        bot.send(lee, "/start " + link.group(1));
        bot.awaitText(lee.id(), "You've been invited to lead");
        bot.tap(lee, "✅ Yes, that's me");
        bot.awaitText(lee.id(), "You're now linked to action 3.90 as Cllr Lee Lead");
        bot.awaitText(staff.id(), "claimed action 3.90");
        assertThat(bot.store().reminders().leads().links(action.id())).singleElement()
                .extracting(LeadLink::how).isEqualTo(LeadLink.Method.CLAIMED);

        FakeUser other = bot.user(79, "Olly");
        bot.send(other, "/start " + link.group(1));
        bot.awaitText(other.id(), "doesn't work any more");
        bot.send(other, "/start lead-forged0000000");
        bot.awaitText(other.id(), "doesn't work any more");
        assertThat(bot.store().reminders().leads().links(action.id())).hasSize(1);
    }

    @Test
    @DisplayName("Staff mute an action's reminders, then unmute them; and add one for a date")
    void muteAndAdd() {
        linkLee();
        bot.send(staff, "/leads 3.90");
        bot.awaitText(staff.id(), "Reminders for this action are on");
        bot.tap(staff, "🔕 Mute reminders");
        bot.awaitText(staff.id(), "Reminders for this action are muted");
        at(FOURTEEN_DAYS_BEFORE.plus(Duration.ofMinutes(5)));
        assertThat(remindersSent()).isEmpty();

        bot.tap(staff, "🔔 Unmute reminders");
        bot.awaitText(staff.id(), "Reminders for this action are on");
        bot.send(staff, "/leads 3.90 remind 2026-11-19 11:00");
        bot.awaitText(staff.id(), "An extra reminder for action 3.90 is set for 2026-11-19 at 11:00");
        bot.send(staff, "/leads 3.90 remind tomorrow");
        bot.awaitText(staff.id(), "Write the date as YYYY-MM-DD");

        at(Instant.parse("2026-11-19T11:00:00Z"));
        Eventually.await("the outbox settles", () -> remindersIn(lee.id()).size() == 1);
        assertThat(remindersSent()).hasSize(1);
    }

    // ------------------------------------------------------------------ digest

    @Test
    @DisplayName("The weekly digest: traffic lights, what changed, overdue milestones and actions with nobody to remind")
    void weeklyDigest() {
        firstReminder();
        bot.tap(lee, "🟡 At risk");
        bot.awaitText(lee.id(), "What's in the way");
        bot.send(lee, "Waiting for the board.");
        bot.awaitText(lee.id(), "passed to staff");

        bot.clock.set(Instant.parse("2026-11-23T09:05:00Z"));
        bot.runRoutineAsAct("reminders");
        ApiCall digest = bot.awaitReply(staff.id(), c -> c.text().contains("Weekly digest</b>, Monday 23 November"));
        Map<Progress, Integer> counts = bot.store().plans().currentProgressCounts();
        assertThat(digest.text())
                .contains("🟡 " + counts.get(Progress.AT_RISK) + " at risk")
                .contains("3.90: at risk (Lee)").contains("3.90: note (Lee): Waiting for the board.")
                .contains("Overdue milestones")
                // the seeds' actions are overdue (e.g. 1.1, due Summer 2024) and nobody is linked to them
                .contains("1.1 Summer 2024").contains("Actions with nobody to remind").contains("1.1 (Cllr Mike Stubbs");
        assertThat(digest.text()).doesNotContain("3.90 (");

        bot.runRoutine("reminders");
        bot.clock.set(Instant.parse("2026-11-24T09:05:00Z"));
        bot.runRoutine("reminders");
        Eventually.await("the outbox settles", () -> bot.store().outbox().byRef("staff-notice", 0).stream()
                .allMatch(r -> r.status() == OutboxStatus.SENT));
        assertThat(bot.telegram.messages(staff.id()).stream()
                .filter(m -> m.text().contains("Weekly digest, Monday 23 November"))).hasSize(1);
    }
}
