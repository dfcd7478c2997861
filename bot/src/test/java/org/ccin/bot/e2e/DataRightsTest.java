package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.fakeapi.AdminRights;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.InviteLink;
import org.ccin.bot.fakeapi.MemberStatus;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /mydata, /forgetme and /privacy, with a member who has something in most of the bot's tables. */
class DataRightsTest {
    private static final long HEALTH = -100777;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns that name a person, by Telegram user id or (last two) by member id. */
    private static final List<String> PERSON_COLUMNS = List.of("telegram_user_id", "user_id", "chat_id", "chat_key",
            "actor_user_id", "reporter_id", "reported_user_id", "member_id", "claimed_by");

    @TempDir
    Path dir;

    private TestBot bot;
    private FakeUser staff;
    private FakeUser ada;
    private FakeUser bo;
    private Action action;

    @BeforeEach
    void start() {
        bot = TestBot.start(dir);
        staff = bot.user(TestBot.STAFF_ID, "Sam");
        ada = bot.user(42, "Ada");
        bo = bot.user(43, "Bo");
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Officer", "North West");
        RegistrationTest.register(bot, bo, "Oldham Council", "Full Member", "Councillor", "North West");
        for (FakeUser user : List.of(ada, bo)) {
            Member member = bot.store().members().findByTelegramId(user.id()).orElseThrow();
            bot.store().newsletters().subscriptions().subscribe(member.id(), "monthly", "I agree", "en");
        }
        // Ada joins a group through the real flow: rules accepted, invite link, join request approved
        bot.telegram.addSupergroup(HEALTH, "CCIN Health");
        bot.telegram.promote(HEALTH, staff, AdminRights.all());
        bot.act(() -> bot.telegram.groupMessage(staff, HEALTH, "/registergroup health-social-care"));
        bot.awaitReply(HEALTH, c -> c.text().contains("This chat is now the network's group"));
        bot.send(ada, "/groups");
        bot.awaitText(42, "The network's groups");
        bot.tap(ada, "☐ Health and social care");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("☑ Health and social care"));
        bot.tap(ada, "Continue (1) ›");
        bot.awaitText(42, "Before you join");
        bot.tap(ada, "I accept the rules");
        bot.awaitText(42, "Here are your invitations");
        List<InviteLink> links = bot.telegram.inviteLinks(HEALTH);
        String link = links.get(links.size() - 1).inviteLink();
        bot.act(() -> bot.telegram.chatJoinRequest(ada, HEALTH, link));
        bot.awaitAnswer(c -> c.is("approvechatjoinrequest") && c.ok());
        long groupId = bot.store().groups().catalogue().byCode("health-social-care").orElseThrow().id();
        Eventually.await("Ada in the group", () -> bot.store().groups().memberships().isIn(groupId, 42));
        // Ada leads action 1.4 and reported on it
        action = bot.store().plans().byCode("1.4").get(0);
        long adaMember = bot.store().members().findByTelegramId(42).orElseThrow().id();
        bot.store().reminders().leads().link(action.id(), "Ada", adaMember, LeadLink.Method.PICKED,
                Optional.of(TestBot.STAFF_ID));
        bot.store().reminders().progress().record(action.id(), Optional.empty(), Optional.of(adaMember),
                Answer.AT_RISK, Optional.of("Budget approval is late"));
        bot.store().database().jdbi().useHandle(h -> h.execute("INSERT INTO warnings (group_id, telegram_user_id, "
                + "warned_by, created_at) VALUES (?, 42, 900, 0)", groupId));
    }

    @AfterEach
    void stop() {
        bot.close();
    }

    private JsonNode myData(FakeUser user) throws Exception {
        bot.send(user, "/mydata");
        bot.awaitText(user.id(), "Here is everything I keep about you");
        ApiCall document = bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == user.id() && c.ok());
        assertThat(document.uploads()).singleElement().satisfies(u -> assertThat(u.fileName()).isEqualTo("ccin-my-data.json"));
        return JSON.readTree(document.uploads().get(0).text());
    }

    @Test
    @DisplayName("/mydata sends a readable file with the member's data, and nobody else's")
    void myDataHoldsMineOnly() throws Exception {
        JsonNode data = myData(ada);
        assertThat(data.path("member").path("first_name").asText()).isEqualTo("Ada");
        assertThat(data.path("member").path("telegram_user_id").asLong()).isEqualTo(42);
        assertThat(data.path("newsletterSubscriptions").get(0).path("consent_wording").asText()).isEqualTo("I agree");
        assertThat(data.path("rulesAcceptances")).isNotEmpty();
        assertThat(data.path("groupMemberships").get(0).path("status").asText()).isEqualTo("JOINED");
        assertThat(data.path("warnings")).hasSize(1);
        assertThat(data.path("progressNotes").get(0).path("note").asText()).isEqualTo("Budget approval is late");
        assertThat(data.path("actionsLed")).hasSize(1);
        assertThat(data.path("messagesYouSent")).isNotEmpty();
        assertThat(data.path("member").path("registered_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");

        long boMember = bot.store().members().findByTelegramId(43).orElseThrow().id();
        List<String> others = new ArrayList<>();
        walk(data, "", (path, value) -> {
            boolean personColumn = PERSON_COLUMNS.stream().anyMatch(path::endsWith);
            if (value.isTextual() && value.asText().equals("Bo")
                    || personColumn && value.isNumber() && (value.asLong() == 43 || path.endsWith("member_id")
                    && value.asLong() == boMember)) {
                others.add(path + "=" + value);
            }
        });
        assertThat(others).as("someone else's data in Ada's file").isEmpty();
    }

    @Test
    @DisplayName("/forgetme, confirmed, removes the member from every table and group and keeps the plan's history")
    void forgetMe() {
        long adaMember = bot.store().members().findByTelegramId(42).orElseThrow().id();
        int historyBefore = bot.store().reminders().progress().history(action.id(), 100).size();

        bot.send(ada, "/forgetme");
        ApiCall asked = bot.awaitText(42, "Erase everything I keep about you?");
        assertThat(asked.text()).contains("a former lead").contains("cannot be undone");
        bot.tap(ada, "No, keep my details");
        bot.awaitText(42, "Nothing was erased");
        assertThat(bot.store().members().findByTelegramId(42)).isPresent();

        bot.send(ada, "/forgetme");
        bot.awaitText(42, "Erase everything I keep about you?");
        bot.tap(ada, "🗑 Yes, forget me");
        bot.awaitText(42, "everything I kept about you is erased, and you were taken out of 1 groups");

        assertThat(bot.telegram.memberStatus(HEALTH, 42).isInChat()).isFalse();
        Map<String, Long> left = rowsAbout(42, adaMember);
        assertThat(left).as("rows still about Ada").isEmpty();
        assertThat(bot.store().reminders().progress().history(action.id(), 100)).hasSize(historyBefore)
                .anySatisfy(update -> {
                    assertThat(update.note()).contains("Budget approval is late");
                    assertThat(update.memberId()).isEmpty();
                    assertThat(update.who()).contains("");
                });
        // Bo is untouched
        long boMember = bot.store().members().findByTelegramId(43).orElseThrow().id();
        assertThat(bot.store().newsletters().subscriptions().topics(boMember)).containsExactly("monthly");

        // a later /start is a new member
        bot.send(ada, "/start");
        bot.awaitText(42, "Which language");
        Member fresh = bot.store().members().findByTelegramId(42).orElseThrow();
        assertThat(fresh.id()).isNotEqualTo(adaMember);
        assertThat(fresh.isRegistered()).isFalse();
    }

    @Test
    @DisplayName("/privacy explains what is kept and why, in English and in Welsh")
    void privacyNotice() {
        bot.send(ada, "/privacy");
        assertThat(bot.awaitText(42, "Privacy notice").text()).contains("/mydata").contains("/forgetme");
        bot.send(ada, "/language");
        bot.awaitReply(42, c -> TestBot.buttons(c).contains("Cymraeg"));
        bot.tap(ada, "Cymraeg");
        bot.awaitReply(42, c -> !c.text().isEmpty());
        bot.send(ada, "/privacy");
        bot.awaitText(42, "Hysbysiad preifatrwydd");
    }

    /** Every row of every table whose person columns name this Telegram user or member: table.column → count. */
    private Map<String, Long> rowsAbout(long telegramUserId, long memberId) {
        return bot.store().database().jdbi().withHandle(h -> {
            Map<String, Long> found = new java.util.TreeMap<>();
            List<String> tables = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    + "'sqlite_%' AND name NOT LIKE 'flyway%' AND name NOT LIKE '%fts%'").mapTo(String.class).list();
            for (String table : tables) {
                List<String> columns = h.createQuery("SELECT name FROM pragma_table_info(:table)").bind("table", table)
                        .mapTo(String.class).list();
                for (String column : columns) {
                    if (!PERSON_COLUMNS.contains(column)) {
                        continue;
                    }
                    long id = column.equals("member_id") || column.equals("claimed_by") ? memberId : telegramUserId;
                    long count = h.createQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = :id")
                            .bind("id", id).mapTo(Long.class).one();
                    if (table.equals("members") || count > 0) {
                        if (count > 0) {
                            found.put(table + "." + column, count);
                        }
                    }
                }
            }
            long members = h.createQuery("SELECT count(*) FROM members WHERE telegram_user_id = :id")
                    .bind("id", telegramUserId).mapTo(Long.class).one();
            if (members > 0) {
                found.put("members", members);
            }
            long inbox = h.createQuery("SELECT count(*) FROM inbox WHERE payload LIKE :pattern")
                    .bind("pattern", "%\"id\":" + telegramUserId + ",%").mapTo(Long.class).one();
            if (inbox > 0) {
                found.put("inbox.payload", inbox);
            }
            return found;
        });
    }

    private static void walk(JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), path + "." + field.getKey(), visit);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "[" + i + "]", visit);
            }
        } else {
            visit.accept(path, node);
        }
    }
}
