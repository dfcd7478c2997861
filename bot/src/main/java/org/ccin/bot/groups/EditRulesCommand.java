package org.ccin.bot.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.RulesVersion;
import org.ccin.store.outbox.OutboxLane;
import org.ccin.store.outbox.OutboxMessage;

/**
 * /editrules (staff): the network's rules or a group's additions; the new English text, then the Welsh; a preview;
 * then publish with a grace period (or discard). Publishing asks every member of the groups concerned to accept the
 * new version ({@code racc:ok:<version id>}), through the outbox so that nobody is missed or asked twice; the ask says
 * by when, and what happens if they do not. The grace periods offered ({@code rules:p:<seconds>}) start with
 * {@code groups.rulesGrace}.
 */
final class EditRulesCommand extends CommandAdapter implements CallbackAction, ConversationFlow {
    static final String FLOW = "rulesedit";
    static final String OUTBOX_KIND = "rules";
    private static final int TEXT_MAX = 3000;
    /** Offered after the configured grace period (groups.rulesGrace), which comes first. */
    private static final List<Duration> USUAL_GRACE = List.of(Duration.ofDays(7), Duration.ofDays(14),
            Duration.ofDays(30));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The draft being edited: which rules, and the texts so far. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Draft(Long groupId, String textEn, String textCy) {
    }

    private final Store store;
    private final Messages messages;
    private final OutboxDispatcher outbox;
    private final BotConfig config;
    private final Clock clock;

    EditRulesCommand(Store store, Messages messages, OutboxDispatcher outbox, BotConfig config, Clock clock) {
        super("editrules", Role.STAFF);
        this.store = store;
        this.messages = messages;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String feature() {
        return "rules";
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
                CallbackData.of(feature(), "s", 0));
        for (ChatGroup group : store.groups().catalogue().all()) {
            keyboard.row().button(texts.plain("groups.editrules.group", "group", group.title(texts.language().code())),
                    CallbackData.of(feature(), "s", group.id()));
        }
        context.reply().send(texts.get("groups.editrules.pick"), keyboard.build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        if (!config.isStaff(context.userId())) {
            context.reply().alert(texts.plain("access.staff.only"));
            return;
        }
        switch (data.action()) {
            case "s": {
                Optional<Long> scope = data.number(0).filter(id -> id == 0 || store.groups().catalogue().find(id).isPresent());
                if (scope.isEmpty()) {
                    context.reply().alert(texts.plain("button.unknown"));
                    return;
                }
                Long groupId = scope.get() == 0 ? null : scope.get();
                save(context, "en", new Draft(groupId, null, null));
                Optional<RulesVersion> current = store.groups().rules().current(Optional.ofNullable(groupId));
                context.reply().show(texts.get("groups.editrules.current", "text", Html.trusted(current
                        .map(RulesVersion::textEn).orElse("–"))) + "\n\n" + texts.get("groups.editrules.ask.en"), null);
                return;
            }
            case "p": {
                Optional<Conversation> conversation = conversation(context);
                Optional<Duration> grace = data.number(0).map(Duration::ofSeconds).filter(graceOptions()::contains);
                if (conversation.isEmpty() || !"preview".equals(conversation.get().step()) || grace.isEmpty()) {
                    context.reply().alert(texts.plain("button.stale"));
                    return;
                }
                publish(context, draft(conversation.get()), grace.get());
                return;
            }
            case "x":
                store.conversations().delete(context.incoming().chatId(), context.userId());
                context.reply().show(texts.get("groups.editrules.discarded"), null);
                return;
            default:
                context.reply().alert(texts.plain("button.unknown"));
        }
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        Texts texts = context.texts();
        Optional<String> text = context.incoming().text().map(String::strip);
        if (!config.isStaff(context.userId())) {
            store.conversations().delete(context.incoming().chatId(), context.userId());
            return;
        }
        if (text.isEmpty() || text.get().length() > TEXT_MAX) {
            context.reply().send(texts.get("groups.editrules.bad", "max", TEXT_MAX));
            return;
        }
        // staff write plain text: it is escaped, so that no mark-up can break the message for members
        String safe = Html.escape(text.get());
        Draft draft = draft(conversation);
        if ("en".equals(conversation.step())) {
            save(context, "cy", new Draft(draft.groupId(), safe, null));
            context.reply().send(texts.get("groups.editrules.ask.cy"));
            return;
        }
        Draft complete = new Draft(draft.groupId(), draft.textEn(), text.get().equalsIgnoreCase("same")
                || text.get().equalsIgnoreCase("yr un fath") ? draft.textEn() : safe);
        save(context, "preview", complete);
        Keyboard keyboard = Keyboard.create();
        for (Duration grace : graceOptions()) {
            keyboard.row().button(texts.plain("groups.editrules.publish", "grace", Deadline.length(grace, texts)),
                    CallbackData.of(feature(), "p", grace.toSeconds()));
        }
        keyboard.row().button(texts.plain("groups.editrules.discard"), CallbackData.of(feature(), "x"));
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
        RulesVersion version = store.groups().rules().publish(Optional.ofNullable(draft.groupId()), draft.textEn(),
                draft.textCy(), context.userId(), graceUntil);
        store.conversations().delete(context.incoming().chatId(), context.userId());
        store.auditLog().record(Optional.of(context.userId()), "rules.publish", Optional.ofNullable(draft.groupId()),
                Optional.empty(), draft.groupId() == null ? "network" : "group", "version " + version.version());
        List<ChatGroup> concerned = store.groups().catalogue().all().stream()
                .filter(group -> draft.groupId() == null || draft.groupId() == group.id()).toList();
        Set<Long> people = new LinkedHashSet<>();
        for (ChatGroup group : concerned) {
            store.groups().memberships().in(group.id()).stream().map(Membership::userId).forEach(people::add);
        }
        List<OutboxMessage> asks = new ArrayList<>();
        for (long person : people) {
            Texts theirs = messages.in(store.members().findByTelegramId(person)
                    .flatMap(m -> Language.fromCode(m.language())).orElse(Language.EN));
            String html = ask(person, concerned, graceUntil, theirs) + "\n\n" + version.text(theirs.language().code());
            asks.add(new OutboxMessage("rules:" + version.id() + ":" + person, OutboxLane.BROADCAST, OUTBOX_KIND,
                    version.id(), person, OutgoingMessage.text(html, RulesAcceptance.acceptButton(version, theirs)).json(), clock.instant()));
        }
        // each ask carries the full text: these people may accept this version (recorded before any is sent)
        store.groups().rules().shownToAll(people, version.id());
        store.outbox().enqueue(asks);
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
            if (store.groups().memberships().isIn(group.id(), person)) {
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

    private Optional<Conversation> conversation(Context context) {
        return store.conversations().find(context.incoming().chatId(), context.userId())
                .filter(c -> FLOW.equals(c.flow()));
    }

    private void save(Context context, String step, Draft draft) {
        try {
            store.conversations().save(context.incoming().chatId(), context.userId(), FLOW, step,
                    JSON.writeValueAsString(draft));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Draft draft(Conversation conversation) {
        try {
            return JSON.readValue(conversation.state(), Draft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rules draft cannot be read", e);
        }
    }
}
