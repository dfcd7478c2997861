package org.ccin.bot.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.delivery.OutboxDispatcher;
import org.ccin.bot.delivery.OutgoingMessage;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.RulesVersion;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;

/**
 * /editrules (staff): the network's rules or a group's additions; the new English text, then the Welsh; a preview;
 * then publish with a grace period (or discard), with the buttons of {@link EditRulesButton}. Publishing asks every
 * member of the groups concerned to accept the new version ({@link RulesButton}), through the outbox so that nobody
 * is missed or asked twice; the ask says by when, and what happens if they do not. The grace periods offered start
 * with {@code groups.rulesGrace}. Discard carries a one-time id of the preview it is under: it throws away that draft
 * only, once.
 */
final class EditRulesCommand extends CommandAdapter implements ConversationFlow {
    static final String FLOW = "rulesedit";
    static final String OUTBOX_KIND = "rules";
    private static final int TEXT_MAX = 3000;
    /** Offered after the configured grace period (groups.rulesGrace), which comes first. */
    private static final List<Duration> USUAL_GRACE = List.of(Duration.ofDays(7), Duration.ofDays(14),
            Duration.ofDays(30));
    static final String DISCARD = "rules.discard";

    /**
     * The draft being edited: which rules (no group: the network's), the texts so far, and, once previewed, the
     * one-time id its Discard button carries.
     */
    record Draft(Long groupId, String textEn, String textCy, String discard) {
    }

    private final GroupsData data;
    private final FlowState<Draft> state;
    private final Messages messages;
    private final OutboxDispatcher outbox;
    private final BotConfig config;
    private final Clock clock;

    EditRulesCommand(GroupsData data, Messages messages, OutboxDispatcher outbox, BotConfig config, Clock clock) {
        super("editrules", Role.STAFF);
        this.data = data;
        this.state = new FlowState<>(data.conversations(), FLOW, Draft.class);
        this.messages = messages;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** The English and the Welsh text are typed; the preview only takes its buttons. */
    @Override
    public boolean awaitsText(Conversation conversation) {
        return !"preview".equals(conversation.step());
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        Keyboard keyboard = Keyboard.create().row().button(texts.plain("groups.editrules.network"),
                EditRulesButton.SET.data(new EditRulesButton.Scope(0)));
        for (ChatGroup group : data.groups().catalogue().all()) {
            keyboard.row().button(texts.plain("groups.editrules.group", "group", group.title(texts.language().code())),
                    EditRulesButton.SET.data(new EditRulesButton.Scope(group.id())));
        }
        context.reply().send(texts.get("groups.editrules.pick"), keyboard.build());
    }

    /** The buttons' handler: staff only, whatever the button says. */
    CallbackAction buttons() {
        return EditRulesButton.SET.handlers().guard(StaffOnly.guard(config))
                .on(EditRulesButton.Scope.class, this::start)
                .on(EditRulesButton.Publish.class, this::publish)
                .on(EditRulesButton.Discard.class, this::discard)
                .build();
    }

    private void start(Context context, EditRulesButton.Scope button) {
        Texts texts = context.texts();
        long scope = button.groupId();
        if (scope != 0 && data.groups().catalogue().find(scope).isEmpty()) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        Long groupId = scope == 0 ? null : scope;
        state.save(context, "en", new Draft(groupId, null, null, null));
        Optional<RulesVersion> current = data.groups().rules().current(Optional.ofNullable(groupId));
        context.reply().show(texts.get("groups.editrules.current", "text", Html.trusted(current
                .map(RulesVersion::textEn).orElse("–"))) + "\n\n" + texts.get("groups.editrules.ask.en"), null);
    }

    private void publish(Context context, EditRulesButton.Publish button) {
        Optional<Duration> grace = Optional.of(Duration.ofSeconds(button.graceSeconds()))
                .filter(graceOptions()::contains);
        // no draft in preview (or one that no longer reads, saved by an older version): the button is out of date
        Optional<Draft> draft = state.current(context).filter(c -> "preview".equals(c.step())).flatMap(state::read);
        if (draft.isEmpty() || grace.isEmpty()) {
            context.reply().alert(context.texts().plain("button.stale"));
            return;
        }
        publish(context, draft.get(), grace.get());
    }

    /** Only the Discard of the draft now in preview throws it away, once; any other is out of date. */
    private void discard(Context context, EditRulesButton.Discard button) {
        boolean previewed = state.current(context).filter(c -> "preview".equals(c.step())).flatMap(state::read)
                .map(draft -> button.confirmation().equals(draft.discard())).orElse(false);
        if (!previewed || !data.confirmations().use(button.confirmation(), context.userId(), DISCARD)) {
            context.reply().alert(context.texts().plain("groups.editrules.stale"));
            return;
        }
        state.end(context);
        context.reply().show(context.texts().get("groups.editrules.discarded"), null);
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<String> text = context.incoming().text().map(String::strip);
        if (!config.isStaff(context.userId())) {
            state.end(context);
            return;
        }
        Optional<Draft> read = state.read(conversation);
        if (read.isEmpty()) {
            // saved by an older version in a form that no longer reads: answered as if the conversation had expired
            state.end(context);
            context.reply().send(texts.get("groups.flow.expired", "command", "/editrules"));
            return;
        }
        if (text.isEmpty() || text.get().length() > TEXT_MAX) {
            context.reply().send(texts.get("groups.editrules.bad", "max", TEXT_MAX));
            return;
        }
        // staff write plain text: it is escaped, so that no mark-up can break the message for members
        String safe = Html.escape(text.get());
        Draft draft = read.get();
        if ("en".equals(conversation.step())) {
            state.save(context, "cy", new Draft(draft.groupId(), safe, null, null));
            context.reply().send(texts.get("groups.editrules.ask.cy"));
            return;
        }
        // a new preview, a new Discard: one left under an earlier preview discards nothing
        String discard = data.confirmations().issue(context.userId(), DISCARD, config.conversations().expireAfter());
        Draft complete = new Draft(draft.groupId(), draft.textEn(), text.get().equalsIgnoreCase("same")
                || text.get().equalsIgnoreCase("yr un fath") ? draft.textEn() : safe, discard);
        state.save(context, "preview", complete);
        Keyboard keyboard = Keyboard.create();
        for (Duration grace : graceOptions()) {
            keyboard.row().button(texts.plain("groups.editrules.publish", "grace", Deadline.length(grace, texts)),
                    EditRulesButton.SET.data(new EditRulesButton.Publish(grace.toSeconds())));
        }
        keyboard.row().button(texts.plain("groups.editrules.discard"),
                EditRulesButton.SET.data(new EditRulesButton.Discard(discard)));
        context.reply().send(texts.get("groups.editrules.preview", "en", Html.trusted(complete.textEn()),
                "cy", Html.trusted(complete.textCy()), "grace", Deadline.length(config.groups().rulesGrace(), texts)),
                keyboard.build());
    }

    /** The configured grace period first (the default), then the usual ones it is not. */
    private List<Duration> graceOptions() {
        List<Duration> options = new ArrayList<>(List.of(config.groups().rulesGrace()));
        USUAL_GRACE.stream().filter(grace -> !options.contains(grace)).forEach(options::add);
        return options;
    }

    private void publish(Context context, Draft draft, Duration grace) {
        Instant graceUntil = clock.instant().plus(grace);
        RulesVersion version = data.groups().rules().publish(Optional.ofNullable(draft.groupId()), draft.textEn(),
                draft.textCy(), context.userId(), graceUntil);
        state.end(context);
        if (draft.discard() != null) {
            // its Discard, still under the preview, throws away nothing any more
            data.confirmations().use(draft.discard(), context.userId(), DISCARD);
        }
        data.auditLog().record(Optional.of(context.userId()), "rules.publish", Optional.ofNullable(draft.groupId()),
                Optional.empty(), draft.groupId() == null ? "network" : "group", "version " + version.version());
        List<ChatGroup> concerned = data.groups().catalogue().all().stream()
                .filter(group -> draft.groupId() == null || draft.groupId() == group.id()).toList();
        Set<Long> people = new LinkedHashSet<>();
        for (ChatGroup group : concerned) {
            data.groups().memberships().in(group.id()).stream().map(Membership::userId).forEach(people::add);
        }
        List<OutboxMessage> asks = new ArrayList<>();
        for (long person : people) {
            Texts theirs = messages.in(data.members().findByTelegramId(person)
                    .flatMap(m -> Language.fromCode(m.language())).orElse(Language.EN));
            String html = ask(person, concerned, graceUntil, theirs) + "\n\n" + version.text(theirs.language().code());
            asks.add(new OutboxMessage("rules:" + version.id() + ":" + person, OutboxLane.BROADCAST, OUTBOX_KIND,
                    version.id(), person, OutgoingMessage.text(html, RulesAcceptance.acceptButton(version, theirs))
                    .json(), clock.instant()));
        }
        // each ask carries the full text: these people may accept this version (recorded before any is sent)
        data.groups().rules().shownToAll(people, version.id());
        data.outbox().enqueue(asks);
        outbox.wake();
        context.reply().show(context.texts().get("groups.editrules.published", "version", version.version(),
                "count", people.size(), "date", Deadline.at(graceUntil, config.zone(), context.texts())), null);
    }

    /** "The rules have changed: accept by then, or …": what happens to this person if they do not accept in time. */
    private String ask(long person, List<ChatGroup> concerned, Instant graceUntil, Texts texts) {
        String language = texts.language().code();
        List<String> removing = new ArrayList<>();
        List<String> keeping = new ArrayList<>();
        for (ChatGroup group : concerned) {
            if (data.groups().memberships().isIn(group.id(), person)) {
                (group.removeOnRulesLapse() ? removing : keeping).add(group.title(language));
            }
        }
        String deadline = Deadline.at(graceUntil, config.zone(), texts);
        if (!removing.isEmpty()) {
            return texts.get("groups.rules.changed.ask.remove", "deadline", deadline,
                    "groups", NaturalList.names(removing, texts));
        }
        return texts.get("groups.rules.changed.ask.stay", "deadline", deadline,
                "groups", NaturalList.names(keeping, texts));
    }
}
