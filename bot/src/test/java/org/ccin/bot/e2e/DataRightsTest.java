package org.ccin.bot.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ccin.bot.fakeapi.ApiCall;
import org.ccin.bot.fakeapi.FakeMessage;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.InviteLink;
import org.ccin.bot.fakeapi.MemberStatus;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.reminders.Answer;
import org.ccin.store.reminders.LeadLink;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /mydata, /forgetme and /privacy, with a member who has something in most of the bot's tables. */
class DataRightsTest {
    private static final long HEALTH = -100777;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns that name a person, by Telegram user id or (last two) by member id. */
    private static final List<String> PERSON_COLUMNS = List.of("telegram_user_id", "user_id", "chat_id", "chat_key",
            "actor_user_id", "subject_user_id", "reporter_id", "reported_user_id", "member_id", "claimed_by");
    /** Bronwen's id: distinctive, so that finding it anywhere in Ada's file means it is hers. */
    private static final long BRONWEN = 7_000_043;

    @RegisterExtension
    final BotExtension bots = new BotExtension();

    private final TestBot bot = bots.bot();
    private FakeUser staff;
    private FakeUser ada;
    private FakeUser bronwen;
    private Action action;

    @BeforeEach
    void start() {
        staff = bot.user(TestBot.STAFF_ID, "Samira");
        ada = bot.telegram.addUser(FakeUser.of(42, "Ada").withUsername("ada_l"));
        bronwen = bot.telegram.addUser(FakeUser.of(BRONWEN, "Bronwen").withUsername("bron_w"));
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Officer", "North West");
        RegistrationTest.register(bot, bronwen, "Oldham Council", "Full Member", "Councillor", "North West");
        for (FakeUser user : List.of(ada, bronwen)) {
            Member member = bot.store().members().findByTelegramId(user.id()).orElseThrow();
            bot.store().newsletters().subscriptions().subscribe(member.id(), "monthly", "I agree", "en");
        }
        // Ada joins a group through the real flow: rules accepted, invite link, join request approved
        GroupSteps.open(bot, staff, HEALTH, "CCIN Health", "health-social-care");
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

    private JsonNode myData(FakeUser user) throws Exception {
        bot.send(user, "/mydata");
        bot.awaitText(user.id(), "Here is everything I keep about you");
        ApiCall document = bot.awaitAnswer(c -> c.is("senddocument") && c.chatId() == user.id() && c.ok());
        assertThat(document.uploads()).singleElement().satisfies(u -> assertThat(u.fileName()).isEqualTo("ccin-my-data.json"));
        return JSON.readTree(document.uploads().get(0).text());
    }

    /** A message in the group by {@code author}; its message id. */
    private int post(FakeUser author, String text) {
        bot.act(() -> bot.telegram.groupMessage(author, HEALTH, text));
        return Eventually.value("the message in the group", () -> bot.telegram.messages(HEALTH).stream()
                .filter(m -> m.text().equals(text)).map(FakeMessage::messageId).findFirst());
    }

    private boolean handled(int updateId) {
        try {
            return bot.store().inbox().status(updateId) == org.ccin.store.inbox.InboxStatus.DONE;
        } catch (IllegalArgumentException notYetStored) {
            return false;
        }
    }

    /** {@code reporter} reports the message, and staff warn its author from their card. */
    private void reportAndWarn(FakeUser reporter, int messageId, String expected) {
        bot.act(() -> bot.telegram.groupReply(reporter, HEALTH, messageId, "/report"));
        bot.awaitReply(HEALTH, c -> c.text().contains("the moderators have been told"));
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Report in Health and social care")
                && TestBot.buttons(c).contains("Warn"));
        bot.tap(staff, "Warn");
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains(expected));
    }

    @Test
    @DisplayName("/mydata holds what the member did and what was done to them, and no other person's id, name or words")
    void myDataHoldsMineOnly() throws Exception {
        // GIVEN Bronwen writes in the group, Ada answers her and reports her, staff warn Bronwen;
        // then Bronwen reports a message of Ada's and staff warn Ada
        int campaigning = post(bronwen, "Vote for my party today");
        int reply = bot.act(() -> bot.telegram.groupReply(ada, HEALTH, campaigning, "Please keep this non-political"));
        Eventually.await("Ada's reply handled", () -> handled(reply));
        reportAndWarn(ada, campaigning, "Warned: 1 of 3");
        // Ada had a warning already (the setup's); this is her second
        int adas = post(ada, "My own point about budgets");
        reportAndWarn(bronwen, adas, "Warned: 2 of 3");

        // WHEN each asks for their data
        JsonNode adaData = myData(ada);
        JsonNode bronwenData = myData(bronwen);

        // THEN Ada's file holds what she did and what was done to her
        assertThat(adaData.path("member").path("first_name").asText()).isEqualTo("Ada");
        assertThat(adaData.path("member").path("telegram_user_id").asLong()).isEqualTo(42);
        assertThat(adaData.path("newsletterSubscriptions").get(0).path("consent_wording").asText()).isEqualTo("I agree");
        assertThat(adaData.path("rulesAcceptances")).isNotEmpty();
        assertThat(adaData.path("rulesShownToYou")).isNotEmpty();
        assertThat(adaData.path("groupMemberships").get(0).path("status").asText()).isEqualTo("JOINED");
        assertThat(adaData.path("progressNotes").get(0).path("note").asText()).isEqualTo("Budget approval is late");
        assertThat(adaData.path("actionsLed")).singleElement()
                .satisfies(link -> assertThat(link.path("linked_by").asText()).isEqualTo("the network's staff"));
        assertThat(adaData.path("member").path("registered_at").asText()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        assertThat(adaData.path("reportsMade")).singleElement().satisfies(report -> {
            assertThat(report.path("dealt_with_by").asText()).isEqualTo("the moderators");
            assertThat(report.has("excerpt")).as("the reported words are Bronwen's").isFalse();
        });
        assertThat(adaData.path("reportsAboutYou")).singleElement().satisfies(report -> {
            assertThat(report.path("excerpt").asText()).isEqualTo("My own point about budgets");
            assertThat(report.path("reported_by").asText()).isEqualTo("a member");
            assertThat(report.path("status").asText()).isEqualTo("WARNED");
        });
        assertThat(adaData.path("warnings")).hasSize(2)
                .allSatisfy(w -> assertThat(w.path("warned_by").asText()).isEqualTo("the moderators"));
        assertThat(adaData.path("actionsAboutYou")).anySatisfy(act -> {
            assertThat(act.path("action").asText()).isEqualTo("moderation.warned");
            assertThat(act.path("by").asText()).isEqualTo("the moderators");
        });
        assertThat(adaData.path("messagesYouSent")).anySatisfy(update -> {
            assertThat(update.path("text").asText()).isEqualTo("Please keep this non-political");
            assertThat(update.path("in_reply_to_a_message").asBoolean()).isTrue();
        });

        // AND nobody else appears anywhere in it: not by id, not by name, not by their words
        assertThat(others(adaData, List.of(BRONWEN, TestBot.STAFF_ID), List.of("Bronwen", "Samira",
                "Vote for my party"))).as("someone else's data in Ada's file").isEmpty();
        assertThat(others(bronwenData, List.of(42L, TestBot.STAFF_ID), List.of("Ada", "Samira",
                "My own point about budgets", "Please keep this non-political")))
                .as("someone else's data in Bronwen's file").isEmpty();
        assertThat(bronwenData.path("reportsAboutYou")).singleElement()
                .satisfies(r -> assertThat(r.path("excerpt").asText()).isEqualTo("Vote for my party today"));
    }

    /** Whether a text holds the id as a number of its own: button data like "grp:go:900077" does not hold 77. */
    private static boolean holdsNumber(String text, long id) {
        return java.util.regex.Pattern.compile("(?<!\\d)" + id + "(?!\\d)").matcher(text).find();
    }

    /** Every value of the file that is one of these ids (as a number or a text) or holds one of these words. */
    private static List<String> others(JsonNode data, List<Long> ids, List<String> words) {
        List<String> found = new ArrayList<>();
        walk(data, "", (path, value) -> {
            boolean id = value.isNumber() && ids.contains(value.asLong())
                    || value.isTextual() && ids.stream().anyMatch(i -> holdsNumber(value.asText(), i));
            boolean word = value.isTextual() && words.stream().anyMatch(value.asText()::contains);
            if (id || word) {
                found.add(path + "=" + value);
            }
        });
        return found;
    }

    @Test
    @DisplayName("Staff's /mydata holds what they did (checked, warned, looked up), never whom: no id, name or @username")
    void staffDataNamesNobodyElse() throws Exception {
        // GIVEN staff approve a member's self-declared organisation, warn Bronwen from a report card, and look
        // Bronwen up in the audit log by @username and by id
        FakeUser dai = bot.telegram.addUser(FakeUser.of(7_000_045, "Dai").withUsername("dai_llan"));
        RegistrationTest.registerUnlisted(bot, dai, "Llanfair Community Council", "Supporter", "Other", "North West");
        bot.send(staff, "/verify");
        bot.awaitText(TestBot.STAFF_ID, "To check");
        bot.tap(staff, "Approve");
        bot.awaitText(dai.id(), "staff have confirmed your organisation");
        int campaigning = post(bronwen, "Vote for my party today");
        reportAndWarn(ada, campaigning, "Warned: 1 of 3");
        bot.send(staff, "/audit @bron_w");
        bot.awaitText(TestBot.STAFF_ID, "Audit log");
        bot.send(staff, "/audit " + BRONWEN);
        bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Audit log") && c.text().contains("person " + BRONWEN));

        // WHEN staff ask for their own data
        JsonNode mine = myData(staff);

        // THEN it holds what they did: the check, the warning, their taps and commands
        assertThat(mine.path("yourActions")).extracting(a -> a.path("action").asText())
                .contains("verify.approve", "moderation.warned");
        assertThat(mine.path("messagesYouSent")).anySatisfy(u -> assertThat(u.path("button").asText()).isEqualTo("ver:ok"))
                .anySatisfy(u -> assertThat(u.path("button").asText()).isEqualTo("mod:w"))
                .anySatisfy(u -> assertThat(u.path("text").asText()).isEqualTo("/audit a member"));
        // AND nobody they acted on or looked up: not by id, name, @username or words
        assertThat(others(mine, List.of(BRONWEN, 42L, dai.id()), List.of("Bronwen", "Ada", "Dai", "bron_w", "ada_l",
                "dai_llan", "Vote for my party", "Llanfair"))).as("someone else's data in staff's file").isEmpty();
    }

    @Test
    @DisplayName("/forgetme: an old Yes erases nothing later, a forged or someone else's Yes erases nobody, Yes expires")
    void staleAndForgedErasure() {
        // a forged Yes, with no /forgetme at all, or with a made-up request
        bot.send(ada, "/privacy");
        bot.awaitText(42, "Privacy notice");
        int anyMessage = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        for (String forged : List.of("fm:yes", "fm:yes:AAAAAAAAAAAAAAAA", "fm:yes:1")) {
            bot.forge(ada, 42, anyMessage, forged);
            assertThat(alert()).as(forged).contains("nothing was erased");
        }
        assertThat(bot.store().members().findByTelegramId(42)).isPresent();

        // Bronwen's own Yes, sent by Ada, erases neither of them; Bronwen's still works for her afterwards
        bot.send(bronwen, "/forgetme");
        bot.awaitText(BRONWEN, "Erase everything I keep about you?");
        String bronwensYes = bot.telegram.lastBotMessage(BRONWEN).orElseThrow().callbackData("🗑 Yes, forget me");
        bot.forge(ada, 42, anyMessage, bronwensYes);
        assertThat(alert()).contains("out of date");
        assertThat(bot.store().members().findByTelegramId(42)).isPresent();
        assertThat(bot.store().members().findByTelegramId(BRONWEN)).isPresent();
        bot.tap(bronwen, "🗑 Yes, forget me");
        bot.awaitText(BRONWEN, "everything I kept about you is erased");
        assertThat(bot.store().members().findByTelegramId(BRONWEN)).isEmpty();

        // /forgetme twice; Yes on the first erases; after registering again, Yes on the second erases nothing
        bot.send(ada, "/forgetme");
        bot.awaitText(42, "Erase everything I keep about you?");
        int first = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        String firstYes = bot.telegram.lastBotMessage(42).orElseThrow().callbackData("🗑 Yes, forget me");
        bot.send(ada, "/forgetme");
        bot.awaitText(42, "Erase everything I keep about you?");
        int second = bot.telegram.lastBotMessage(42).orElseThrow().messageId();
        bot.act(() -> bot.telegram.tapButton(ada, 42, first, "🗑 Yes, forget me"));
        bot.awaitText(42, "everything I kept about you is erased");
        RegistrationTest.register(bot, ada, "Oldham Council", "Full Member", "Officer", "North West");
        long again = bot.store().members().findByTelegramId(42).orElseThrow().id();
        bot.act(() -> bot.telegram.tapButton(ada, 42, second, "🗑 Yes, forget me"));
        assertThat(alert()).contains("out of date");
        // the first Yes, used once, erases nothing either (its message lost the button: a modified client resends it)
        bot.forge(ada, 42, first, firstYes);
        assertThat(alert()).contains("out of date");
        assertThat(bot.store().members().findByTelegramId(42)).hasValueSatisfying(m -> {
            assertThat(m.id()).isEqualTo(again);
            assertThat(m.isRegistered()).isTrue();
        });

        // a Yes works for 15 minutes only
        bot.send(ada, "/forgetme");
        bot.awaitText(42, "The Yes button works for 15 minutes");
        bot.clock.advance(java.time.Duration.ofMinutes(16));
        bot.tap(ada, "🗑 Yes, forget me");
        assertThat(alert()).contains("out of date");
        assertThat(bot.store().members().findByTelegramId(42)).isPresent();
    }

    /** The text of the pop-up the bot answered the last tap with (a refusal the person must dismiss). */
    private String alert() {
        return bot.awaitAnswer(c -> c.is("answercallbackquery") && c.param("show_alert").orElse("").equals("true"))
                .param("text").orElse("");
    }

    @Test
    @DisplayName("/forgetme, confirmed, removes the member from every table and group and keeps the plan's history")
    void forgetMe() {
        long adaMember = bot.store().members().findByTelegramId(42).orElseThrow().id();
        int historyBefore = bot.store().reminders().progress().history(action.id(), 100).size();
        // Bronwen answers a message of Ada's: her update quotes Ada (id, name, words), and goes with Ada's erasure
        int adas = post(ada, "A thought about procurement");
        int answer = bot.act(() -> bot.telegram.groupReply(bronwen, HEALTH, adas, "I agree with that"));
        Eventually.await("Bronwen's answer handled", () -> handled(answer));
        // and Bronwen reports Ada's message: the report goes with Ada (it is about her); staff warn Ada first
        reportAndWarn(bronwen, adas, "Warned:");

        // entries written before people had a column of their own named them in words: her erasure takes them out
        bot.store().database().jdbi().useHandle(h -> h.execute("INSERT INTO audit_log (at, actor_user_id, action, "
                + "subject, details) VALUES (0, ?, 'lead.unlink', '1.4', 'Ada'), (0, ?, 'labs.reviewer', '1', '42')",
                TestBot.STAFF_ID, TestBot.STAFF_ID));
        bot.send(ada, "/forgetme");
        ApiCall asked = bot.awaitText(42, "Erase everything I keep about you?");
        assertThat(asked.text()).contains("a former lead").contains("cannot be undone");
        bot.tap(ada, "No, keep my details");
        bot.awaitText(42, "Nothing was erased");
        assertThat(bot.store().members().findByTelegramId(42)).isPresent();

        bot.send(ada, "/forgetme");
        bot.awaitText(42, "Erase everything I keep about you?");
        bot.tap(ada, "🗑 Yes, forget me");
        bot.awaitText(42, "everything I kept about you is erased, and you were taken out of 1 group.");

        assertThat(bot.telegram.memberStatus(HEALTH, 42).isInChat()).isFalse();
        Map<String, Long> left = rowsAbout(42, adaMember);
        assertThat(left).as("rows still about Ada").isEmpty();
        // nor any text of any table: not her id, name or username (the audit log keeps what was done, not to whom)
        assertThat(textsNaming(42, "Ada", "ada_l")).as("texts still naming Ada").isEmpty();
        bot.send(staff, "/audit leads");
        ApiCall audit = bot.awaitText(TestBot.STAFF_ID, "Audit log");
        assertThat(audit.text()).contains("Action 1.4: no longer linked to its lead “…”").doesNotContain("Ada");
        bot.send(staff, "/audit labs");
        assertThat(bot.awaitReply(TestBot.STAFF_ID, c -> c.text().contains("Policy Lab rounds")).text())
                .contains("Round 1: made a reviewer").doesNotContain("42");
        assertThat(bot.store().reminders().progress().history(action.id(), 100)).hasSize(historyBefore)
                .anySatisfy(update -> {
                    assertThat(update.note()).contains("Budget approval is late");
                    assertThat(update.memberId()).isEmpty();
                    assertThat(update.who()).contains("");
                });
        // Bronwen is untouched
        long bronwenMember = bot.store().members().findByTelegramId(BRONWEN).orElseThrow().id();
        assertThat(bot.store().newsletters().subscriptions().topics(bronwenMember)).containsExactly("monthly");

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

    /**
     * Every text of every table (the search indexes' copies aside) that holds the id as a number of its own, or the
     * name or username as a word of its own: "table.column=text".
     */
    private List<String> textsNaming(long telegramUserId, String name, String username) {
        java.util.regex.Pattern words = java.util.regex.Pattern.compile("(?<![\\p{L}\\p{N}_])("
                + java.util.regex.Pattern.quote(name) + "|" + java.util.regex.Pattern.quote(username)
                + ")(?![\\p{L}\\p{N}_])", java.util.regex.Pattern.CASE_INSENSITIVE);
        // a number of its own: not inside a hash ("be42fa") or a longer number
        java.util.regex.Pattern id = java.util.regex.Pattern.compile("(?<![\\p{Alnum}])" + telegramUserId
                + "(?![\\p{Alnum}])");
        return bot.store().database().jdbi().withHandle(h -> {
            List<String> found = new ArrayList<>();
            List<String> tables = h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                    + "'sqlite_%' AND name NOT LIKE 'flyway%' AND name NOT LIKE '%fts%'").mapTo(String.class).list();
            for (String table : tables) {
                List<String> columns = h.createQuery("SELECT name FROM pragma_table_info(:table) WHERE type = 'TEXT'")
                        .bind("table", table).mapTo(String.class).list();
                for (String column : columns) {
                    h.createQuery("SELECT " + column + " FROM " + table + " WHERE " + column + " IS NOT NULL")
                            .mapTo(String.class).forEach(text -> {
                                if (id.matcher(text).find() || words.matcher(text).find()) {
                                    found.add(table + "." + column + "=" + text);
                                }
                            });
                }
            }
            return found;
        });
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
