package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.store.importing.ImportSections;
import org.ccin.store.importing.ImportSource;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.reminders.LeadLink;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bot's own process sends a sweep of milestone reminders and is killed (SIGKILL) at a point of it; started again
 * on the same database, every lead has the reminder: none is skipped, and only those whose call was under way at the
 * kill may arrive twice.
 */
class ReminderCrashTest {
    private static final int LEADS = 7;

    @RegisterExtension
    final BotExtension bots = BotExtension.startedByTheTest();

    // kill points: right after the first reminder reached Telegram, then two drawn once at random from 1 to LEADS - 2
    @ParameterizedTest(name = "killed after {0} of 7 reminders had reached Telegram")
    @ValueSource(ints = {1, 5, 2})
    @DisplayName("Killed at points of a reminder sweep: no reminder is skipped; repeats only of calls in flight")
    void noReminderSkipped(int killAfter) throws Exception {
        // three messages a second in all: the sweep takes a few seconds, so the kill finds reminders in every state
        TestBot bot = bots.start("""
                sending:
                  globalPerSecond: 3
                  privateChatPerSecond: 50
                reminders:
                  workdayStart: "00:00"
                  workdayEnd: "23:59"
                  workingDays: [MON, TUE, WED, THU, FRI, SAT, SUN]
                """);
        List<FakeUser> leads = leadsOfAnActionDueToday(bot);
        // a call takes effect at once and its answer comes later, so some are under way at the kill
        bot.telegram.latency("sendMessage", Duration.ofMillis(400));
        bots.handToChildProcess();
        Eventually.await(killAfter + " reminders delivered", () -> arrived(bot, leads) >= killAfter,
                Duration.ofSeconds(60));
        bots.killChildProcess();
        int arrivedBeforeKill = arrived(bot, leads);
        long calledAtKill = bot.countInDatabase("SELECT count(*) FROM outbox WHERE kind = 'reminder' "
                + "AND status = 'SENDING' AND called_at IS NOT NULL");

        bot.telegram.clearFaults();
        bots.takeBack();
        Eventually.await("every lead reminded", () -> arrived(bot, leads) == LEADS, Duration.ofSeconds(60));
        Eventually.await("the outbox settled", () -> bot.countInDatabase("SELECT count(*) FROM outbox "
                + "WHERE kind = 'reminder' AND status IN ('PENDING', 'SENDING')") == 0, Duration.ofSeconds(60));
        int twice = 0;
        int skipped = 0;
        for (FakeUser lead : leads) {
            long copies = copies(bot, lead);
            skipped += copies == 0 ? 1 : 0;
            twice += copies > 1 ? 1 : 0;
        }
        System.out.printf("reminder crash: killed after %d of %d reminders had reached Telegram; %d calls under way "
                + "at the kill; after the restart %d skipped, %d received twice%n", arrivedBeforeKill, LEADS,
                calledAtKill, skipped, twice);
        assertThat(skipped).as("leads who never got the reminder").isZero();
        assertThat((long) twice).as("leads who got it twice").isLessThanOrEqualTo(calledAtKill);
    }

    /** Action 3.91, due today (in the bot's zone, by the real clock the child process runs on), with seven leads. */
    private static List<FakeUser> leadsOfAnActionDueToday(TestBot bot) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        StringBuilder names = new StringBuilder();
        for (int i = 1; i <= LEADS; i++) {
            names.append(i > 1 ? ", " : "").append("\"Lead ").append(i).append('"');
        }
        ImportSections.importer(bot.store(), MilestoneDates.defaults()).importSources(List.of(new ImportSource(
                "crash-action.yml", """
                        actions:
                          - plan: strategy-2024-2026
                            code: "3.91"
                            objective: "3"
                            text: Keep reminding leads through a power cut.
                            leads: [%s]
                            milestones: ["%s"]
                            progress: on_track
                        """.formatted(names, today))));
        Action action = bot.store().plans().byCode("3.91").get(0);
        List<FakeUser> leads = new ArrayList<>();
        for (int i = 1; i <= LEADS; i++) {
            FakeUser user = bot.user(6000 + i, "Lead" + i);
            Member member = bot.registered(user);
            bot.store().reminders().leads().link(action.id(), "Lead " + i, member.id(), LeadLink.Method.USERNAME,
                    Optional.of(TestBot.STAFF_ID));
            leads.add(user);
        }
        return leads;
    }

    private static int arrived(TestBot bot, List<FakeUser> leads) {
        return (int) leads.stream().filter(lead -> copies(bot, lead) > 0).count();
    }

    private static long copies(TestBot bot, FakeUser lead) {
        return bot.telegram.messages(lead.id()).stream().filter(m -> m.fromBot() && m.text().contains("Action 3.91"))
                .count();
    }
}
