package org.ccin.bot.sandbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.ccin.bot.BotApplication;
import org.ccin.bot.fakeapi.AdminRights;
import org.ccin.bot.fakeapi.FakeBotApi;
import org.ccin.bot.fakeapi.FakeUser;
import org.ccin.bot.fakeapi.MemberStatus;
import org.ccin.config.BotConfig;
import org.ccin.config.ConfigLoader;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.members.Profile;
import org.ccin.store.members.WorkRole;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.plan.Action;
import org.ccin.store.reminders.LeadLink;
import org.ccin.store.reminders.LeadRepository;

/**
 * The demo: starts the fake Bot API in this process, then the real bot against it on its own database (filled with
 * the sample data on first start), and sets up a small world: a lead linked to action 1.4, a moderator of the
 * groups, a member of staff, and each catalogue group as a Telegram supergroup with the bot as administrator.
 */
public final class Sandbox implements AutoCloseable {
    static final long LEAD = 2001;
    static final long MODERATOR = 2002;
    static final long STAFF = 2003;
    static final long GROUP_CHAT_BASE = -1_002_000_000_000L;
    private static final long FIRST_NEWCOMER = 3001;
    /** Where the demo listens unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    private final FakeBotApi telegram;
    private final BotApplication app;
    private final List<Persona> personas = new ArrayList<>();
    private final Map<Long, FakeUser> users = new HashMap<>();
    private final AtomicLong nextNewcomer;

    private Sandbox(FakeBotApi telegram, BotApplication app) {
        this.telegram = telegram;
        this.app = app;
        long first = FIRST_NEWCOMER;
        // a demo database used before has newcomers of its own: new ones get fresh ids
        while (app.store().members().findByTelegramId(first).isPresent()) {
            first++;
        }
        this.nextNewcomer = new AtomicLong(first);
    }

    /** The demo on this machine only (127.0.0.1): see {@link #start(Path, String, int, Map)}. */
    public static Sandbox start(Path database, int webPort, Map<String, String> environment) throws Exception {
        return start(database, LOOPBACK, webPort, environment);
    }

    /**
     * @param database the demo's own SQLite file
     * @param webHost the address the web pages listen on: {@link #LOOPBACK} keeps them to this machine; anything
     *                else lets anyone who reaches it act as any persona, staff included
     * @param webPort the web port (0 for any free one)
     * @param environment further settings, as environment variables (e.g. CCIN_BOT_ZONE)
     */
    public static Sandbox start(Path database, String webHost, int webPort, Map<String, String> environment)
            throws Exception {
        FakeBotApi telegram = FakeBotApi.builder().botUsername("ccin_demo_bot").botFirstName("CCIN bot")
                .announceApprovedJoins(true).start();
        try {
            Map<String, String> settings = new HashMap<>(environment);
            settings.put("CCIN_BOT_TOKEN", telegram.token());
            settings.put("CCIN_BOT_API_URL", telegram.url());
            settings.put("CCIN_BOT_DB", database.toString());
            settings.put("CCIN_BOT_WEB_PORT", String.valueOf(webPort));
            settings.put("CCIN_BOT_STAFF", String.valueOf(STAFF));
            settings.put("CCIN_BOT_MODE", "polling");
            BotConfig config = listeningOn(new ConfigLoader().load(Optional.empty(), settings), webHost);
            SandboxRoutes routes = new SandboxRoutes();
            BotApplication app = BotApplication.start(config, Clock.systemUTC(), List.of(routes));
            Sandbox sandbox = new Sandbox(telegram, app);
            sandbox.setUp();
            // only now do the sandbox's pages answer: before, they say it is starting
            routes.attach(sandbox);
            return sandbox;
        } catch (Exception | Error e) {
            telegram.close();
            throw e;
        }
    }

    /** The same settings with the web server on another address (the demo's own default is not the bot's). */
    private static BotConfig listeningOn(BotConfig config, String host) {
        BotConfig.WebSettings web = config.web();
        return new BotConfig(config.telegram(), config.database(), new BotConfig.WebSettings(host, web.port(),
                web.publicUrl(), web.planPublic()), config.staff(), config.zone(), config.defaultLanguage(),
                config.conversations(), config.sending(), config.updates(), config.loadSampleData(), config.groups(),
                config.plan(), config.reminders(), config.newsletters(), config.retention(), config.backups(),
                config.health());
    }

    private void setUp() {
        MemberRepository members = app.store().members();
        OrganisationRepository organisations = app.store().organisations();
        LeadRepository leads = app.store().reminders().leads();
        GroupRepository catalogue = app.store().groups().catalogue();
        FakeUser lead = person(LEAD, "Lee", "lead");
        FakeUser moderator = person(MODERATOR, "Mo", "moderator");
        person(STAFF, "Sam", "staff");
        register(members, organisations, lead, "Oldham Council", "full", WorkRole.COUNCILLOR, "north-west");
        register(members, organisations, moderator, "Lambeth Council", "full", WorkRole.OFFICER, "london");
        register(members, organisations, users.get(STAFF), "Co-operative Councils Innovation Network", "affiliate", WorkRole.OTHER,
                "north-west");
        Member leadMember = members.findByTelegramId(LEAD).orElseThrow();
        for (Action action : app.store().plans().byCode("1.4")) {
            if (leads.activeLink(action.id(), LEAD).isEmpty()) {
                leads.link(action.id(), action.leads().isEmpty() ? "Lee" : action.leads().get(0),
                        leadMember.id(), LeadLink.Method.PICKED, Optional.of(STAFF));
            }
        }
        List<ChatGroup> groups = catalogue.all();
        for (int i = 0; i < groups.size(); i++) {
            ChatGroup group = groups.get(i);
            long chatId = GROUP_CHAT_BASE - i;
            telegram.addSupergroup(chatId, group.titleEn());
            telegram.setBotMembership(chatId, MemberStatus.ADMINISTRATOR, AdminRights.all());
            telegram.addMember(chatId, moderator, MemberStatus.ADMINISTRATOR);
            catalogue.activate(group.id(), chatId);
            catalogue.setModerators(group.id(), Set.of(MODERATOR));
        }
        newcomer();
    }

    private FakeUser person(long id, String name, String role) {
        FakeUser user = telegram.addUser(FakeUser.of(id, name));
        users.put(id, user);
        personas.add(new Persona(id, name, role));
        return user;
    }

    private static void register(MemberRepository members, OrganisationRepository organisations, FakeUser user,
                                 String organisation, String category, WorkRole role, String region) {
        members.recordContact(user.id(), user.firstName(), Optional.empty(), "en");
        if (members.findByTelegramId(user.id()).map(Member::isRegistered).orElse(false)) {
            return;
        }
        Optional<Long> listed = organisations.search(organisation, 1).stream().findFirst().map(o -> o.id());
        members.saveProfile(user.id(), new Profile(listed, listed.isPresent() ? Optional.empty()
                : Optional.of(organisation), Optional.of(category), Optional.of(role), Optional.of(region)));
    }

    /** A new person who has not talked to the bot yet. */
    public synchronized Persona newcomer() {
        long id = nextNewcomer.getAndIncrement();
        person(id, "Newcomer" + (id - FIRST_NEWCOMER + 1), "newcomer");
        return personas.get(personas.size() - 1);
    }

    public synchronized List<Persona> personas() {
        return List.copyOf(personas);
    }

    public synchronized Optional<FakeUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public FakeBotApi telegram() {
        return telegram;
    }

    public BotApplication app() {
        return app;
    }

    public int webPort() {
        return app.webPort();
    }

    @Override
    public void close() {
        app.close();
        telegram.close();
    }
}
