package org.ccin.bot.groups;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupKind;
import org.ccin.store.members.Member;
import org.ccin.store.members.Verification;
import org.ccin.store.organisations.Organisation;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * /groups: the catalogue by kind, each group with its purpose, member count and whether this person may join (and
 * if not, why). Tapping groups selects them; Continue shows the rules (the network's plus each group's own) once for
 * all of them; accepting records the acceptance and gives a personal invite link per group. When no group is open to
 * the person, it says why and what would open one, with a button to ask staff to check their membership. Buttons
 * {@link CatalogueButton}; the selection ({@link JoinSelection}) lives in the conversation.
 */
final class CatalogueCommand extends CommandAdapter implements ConversationFlow {
    static final String FLOW = "groups";
    private static final String ASKED = "verify.asked";
    private static final Duration ASK_AGAIN_AFTER = Duration.ofDays(7);

    private final GroupsData data;
    private final FlowState<JoinSelection> state;
    private final GroupWords words;
    private final GroupActions actions;
    private final BotConfig config;
    private final StaffAlerts staff;
    private final Clock clock;

    CatalogueCommand(GroupsData data, GroupWords words, GroupActions actions, BotConfig config, StaffAlerts staff,
                     Clock clock) {
        super("groups", Role.EVERYONE);
        this.clock = clock;
        this.data = data;
        this.state = new FlowState<>(data.conversations(), FLOW, JoinSelection.class);
        this.words = words;
        this.actions = actions;
        this.config = config;
        this.staff = staff;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    /** Choosing groups and accepting their rules is done with buttons only. */
    @Override
    public boolean awaitsText(Conversation conversation) {
        return false;
    }

    @Override
    public void handle(Context context) {
        Conversation conversation = save(context, "pick", JoinSelection.empty());
        context.reply().send(catalogue(context, JoinSelection.empty()), keyboard(context, JoinSelection.empty(),
                conversation.version()));
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        context.reply().send(context.texts().get("groups.use.buttons"));
    }

    /** The buttons' handler: each button is of the screen it was shown on, and acts on the selection made there. */
    CallbackAction buttons() {
        return CatalogueButton.SET.handlers()
                .on(CatalogueButton.Toggle.class, onSelection(this::toggle))
                .on(CatalogueButton.Continue.class, onSelection((context, button, selection) ->
                        showRules(context, selection)))
                .on(CatalogueButton.Back.class, onSelection((context, button, selection) -> back(context, selection)))
                .on(CatalogueButton.Accept.class, onSelection((context, button, selection) ->
                        accept(context, selection)))
                .on(CatalogueButton.AskStaff.class, onSelection((context, button, selection) ->
                        askStaff(context, selection)))
                .build();
    }

    /** What a button does with the selection of the screen it was on. */
    @FunctionalInterface
    private interface SelectionTap<T extends CatalogueButton> {
        void handle(Context context, T button, JoinSelection selection);
    }

    private <T extends CatalogueButton> ButtonHandlers.Tap<T> onSelection(SelectionTap<? super T> tap) {
        return (context, button) -> {
            // a button of an older screen or of a conversation that is over is out of date; so is a state that no
            // longer reads (saved by an older version), as if the conversation had expired
            Optional<JoinSelection> selection = state.current(context)
                    .filter(conversation -> conversation.version() == button.version()).flatMap(state::read);
            if (selection.isEmpty()) {
                context.reply().alert(context.texts().plain("button.stale"));
                return;
            }
            tap.handle(context, button, selection.get());
        };
    }

    private void back(Context context, JoinSelection selection) {
        Conversation saved = save(context, "pick", selection.shown(List.of()));
        context.reply().show(catalogue(context, selection), keyboard(context, selection, saved.version()));
    }

    private void toggle(Context context, CatalogueButton.Toggle button, JoinSelection selection) {
        Optional<ChatGroup> group = data.groups().catalogue().find(button.groupId());
        if (group.isEmpty() || !joinable(context.userId(), group.get())) {
            // a forged or outdated button: the person may not join this group now
            context.reply().alert(context.texts().plain("groups.not.joinable"));
            return;
        }
        JoinSelection next = selection.toggle(group.get().id());
        Conversation saved = save(context, "pick", next);
        context.reply().show(catalogue(context, next), keyboard(context, next, saved.version()));
    }

    private void showRules(Context context, JoinSelection selection) {
        List<ChatGroup> groups = selected(context, selection);
        if (groups.isEmpty()) {
            context.reply().alert(context.texts().plain("groups.pick.first"));
            return;
        }
        boolean acceptedAll = groups.stream()
                .allMatch(g -> data.groups().rules().hasAcceptedCurrent(context.userId(), g.id()));
        if (acceptedAll) {
            giveLinks(context, groups);
            return;
        }
        JoinSelection shown = selection.shown(words.versionIds(groups));
        Conversation saved = save(context, "rules", shown);
        data.groups().rules().shown(context.userId(), shown.shownRules());
        Texts texts = context.texts();
        String text = texts.get("groups.rules.intro") + "\n\n" + words.rules(groups, texts) + "\n\n"
                + texts.get("groups.rules.accept.hint");
        InlineKeyboardMarkup keyboard = Keyboard.create().row()
                .button(texts.plain("groups.rules.accept"),
                        CatalogueButton.SET.data(new CatalogueButton.Accept(saved.version())))
                .row().button(texts.plain("button.back"),
                        CatalogueButton.SET.data(new CatalogueButton.Back(saved.version()))).build();
        context.reply().show(text, keyboard);
    }

    private void accept(Context context, JoinSelection selection) {
        List<ChatGroup> groups = selected(context, selection);
        if (groups.isEmpty() || !words.versionIds(groups).equals(selection.shownRules())) {
            // the rules changed (or the choice did) since they were shown: show them again
            context.reply().alert(context.texts().plain("groups.rules.changed"));
            showRules(context, selection);
            return;
        }
        if (!data.groups().rules().acceptShown(context.userId(), selection.shownRules())) {
            showRules(context, selection);
            return;
        }
        data.groups().notices().resolveAll(context.userId(),
                org.ccin.store.groups.Notice.Reason.RULES_NOT_ACCEPTED, "accepted");
        giveLinks(context, groups);
    }

    private void giveLinks(Context context, List<ChatGroup> groups) {
        Texts texts = context.texts();
        Keyboard keyboard = Keyboard.create();
        StringBuilder text = new StringBuilder(texts.get("groups.links.intro",
                "minutes", config.groups().inviteLinkLifetime().toMinutes()));
        for (ChatGroup group : groups) {
            Optional<String> link = actions.personalLink(group, context.userId(), config.groups().inviteLinkLifetime());
            if (link.isPresent()) {
                keyboard.row().link(texts.plain("groups.links.join", "group", group.title(texts.language().code())),
                        link.get());
            } else {
                text.append("\n").append(texts.get("groups.links.failed", "group", group.title(texts.language().code())));
                staff.tell("groups.staff.link.failed", "group", group.title("en"));
            }
        }
        state.end(context);
        context.reply().show(text.toString(), keyboard.isEmpty() ? null : keyboard.build());
    }

    /** Active, eligible and not already in it: what the person may select. */
    private boolean joinable(long userId, ChatGroup group) {
        return group.isActive() && words.check(userId, group).isEmpty()
                && !data.groups().memberships().isIn(group.id(), userId);
    }

    private List<ChatGroup> selected(Context context, JoinSelection selection) {
        List<ChatGroup> groups = new ArrayList<>();
        for (long id : selection.groupIds()) {
            data.groups().catalogue().find(id).filter(g -> joinable(context.userId(), g)).ifPresent(groups::add);
        }
        return groups;
    }

    /**
     * Asks staff to check the person's organisation and category: it puts them in /verify (unless they are there)
     * and tells staff, at most once a week, recorded in the audit log.
     */
    private void askStaff(Context context, JoinSelection selection) {
        Optional<Member> member = data.members().findByTelegramId(context.userId()).filter(Member::isRegistered);
        if (member.isEmpty()) {
            context.reply().alert(context.texts().plain("access.members.only"));
            return;
        }
        if (member.get().verification() == Verification.REJECTED) {
            // staff decided: asking again would put the person back in /verify as if nobody had looked
            context.reply().alert(context.texts().plain("groups.ask.rejected"));
            return;
        }
        if (!canAsk(member.get())) {
            context.reply().alert(context.texts().plain("groups.ask.already"));
            return;
        }
        if (member.get().verification() != Verification.PENDING) {
            data.members().setVerification(context.userId(), Verification.PENDING, Optional.empty());
        }
        data.auditLog().record(Optional.of(context.userId()), ASKED, Optional.empty(), Optional.of(context.userId()),
                "", "asked staff to check their membership");
        staff.tell("groups.staff.ask.verify", "name", member.get().firstName());
        context.reply().answer(context.texts().plain("groups.ask.sent"));
        Conversation saved = save(context, "pick", selection);
        context.reply().show(catalogue(context, selection) + "\n\n" + context.texts().get("groups.ask.sent"),
                keyboard(context, selection, saved.version()));
    }

    /**
     * Someone whom staff have not checked yet may ask them to, once a week; once staff turned them down, changing
     * their answers in /profile (which puts them back in /verify) or writing to staff is the way.
     */
    private boolean canAsk(Member member) {
        return member.verification() != Verification.VERIFIED && member.verification() != Verification.REJECTED
                && !data.auditLog().recordedAbout(ASKED,
                member.telegramUserId(), clock.instant().minus(ASK_AGAIN_AFTER));
    }

    private boolean anyJoinable(long userId) {
        return data.groups().catalogue().all().stream().anyMatch(group -> joinable(userId, group));
    }

    /**
     * Why no group is open to the person, and what would open one: registering, staff checking their membership, a
     * membership category or role that fits.
     */
    private String noneOpen(Context context) {
        Texts texts = context.texts();
        long userId = context.userId();
        Set<Eligibility.Reason> reasons = EnumSet.noneOf(Eligibility.Reason.class);
        boolean anyOpenGroup = false;
        for (ChatGroup group : data.groups().catalogue().all()) {
            if (group.isActive() && !data.groups().memberships().isIn(group.id(), userId)) {
                anyOpenGroup = true;
                reasons.addAll(words.check(userId, group));
            }
        }
        if (!anyOpenGroup) {
            boolean anyActive = data.groups().catalogue().all().stream().anyMatch(ChatGroup::isActive);
            return texts.get(anyActive ? "groups.none.left" : "groups.none.active");
        }
        StringBuilder text = new StringBuilder(texts.get("groups.none.open"));
        if (reasons.contains(Eligibility.Reason.NOT_REGISTERED)) {
            return text.append("\n").append(texts.get("groups.none.why.not_registered")).toString();
        }
        Member member = data.members().findByTelegramId(userId).orElseThrow();
        String language = texts.language().code();
        if (reasons.contains(Eligibility.Reason.NOT_VERIFIED) || reasons.contains(Eligibility.Reason.NOT_IN_NETWORK)) {
            Optional<Organisation> organisation = member.organisationId().flatMap(data.organisations()::findById);
            if (organisation.isPresent() && !organisation.get().networkMember()) {
                text.append("\n").append(texts.get("groups.none.why.organisation.left", "organisation",
                        organisation.get().name()));
            } else if (member.verification() == Verification.REJECTED) {
                text.append("\n").append(texts.get("groups.none.why.verify.rejected"));
            } else if (member.verification() == Verification.PENDING) {
                text.append("\n").append(texts.get(canAsk(member) ? "groups.none.why.verify.pending"
                        : "groups.none.why.verify.asked"));
            } else {
                text.append("\n").append(texts.get(canAsk(member) ? "groups.none.why.verify"
                        : "groups.none.why.verify.staff"));
            }
        }
        if (reasons.contains(Eligibility.Reason.CATEGORY)) {
            text.append("\n").append(texts.get("groups.none.why.category", "category", member.categoryCode()
                    .flatMap(data.referenceData()::category).map(c -> c.name(language))
                    .orElse(texts.plain("groups.none.not.given"))));
        }
        if (reasons.contains(Eligibility.Reason.ROLE)) {
            text.append("\n").append(texts.get("groups.none.why.role", "role", member.workRole()
                    .map(r -> texts.plain("role." + r.name().toLowerCase(java.util.Locale.ROOT)))
                    .orElse(texts.plain("groups.none.not.given"))));
        }
        return text.toString();
    }

    /** The button to ask staff, where a check by staff (or of a category) could open a group. */
    private boolean offersAsk(Context context) {
        Optional<Member> member = data.members().findByTelegramId(context.userId()).filter(Member::isRegistered);
        if (member.isEmpty() || !canAsk(member.get())) {
            return false;
        }
        for (ChatGroup group : data.groups().catalogue().all()) {
            if (group.isActive() && !data.groups().memberships().isIn(group.id(), context.userId())) {
                List<Eligibility.Reason> reasons = words.check(context.userId(), group);
                if (reasons.contains(Eligibility.Reason.NOT_VERIFIED) || reasons.contains(Eligibility.Reason.CATEGORY)
                        || reasons.contains(Eligibility.Reason.NOT_IN_NETWORK)
                        && member.get().organisationId().flatMap(data.organisations()::findById)
                        .map(Organisation::networkMember).orElse(true)) {
                    return true;
                }
            }
        }
        return false;
    }

    private String catalogue(Context context, JoinSelection selection) {
        Texts texts = context.texts();
        String language = texts.language().code();
        boolean open = anyJoinable(context.userId());
        StringBuilder text = new StringBuilder(texts.get(open ? "groups.catalogue.intro" : "groups.catalogue.title"));
        List<ChatGroup> all = data.groups().catalogue().all();
        for (GroupKind kind : GroupKind.values()) {
            List<ChatGroup> ofKind = all.stream().filter(g -> g.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            text.append("\n\n<b>").append(texts.get("groups.kind." + kind.name().toLowerCase())).append("</b>");
            for (ChatGroup group : ofKind) {
                text.append("\n• <b>").append(Html.escape(group.title(language))).append("</b>");
                if (!group.purpose(language).isBlank()) {
                    text.append(" – ").append(Html.escape(group.purpose(language)));
                }
                text.append(" <i>(").append(texts.get("groups.members",
                        "count", data.groups().memberships().count(group.id()))).append(")</i>\n  ")
                        .append(status(context, group));
            }
        }
        if (!selection.groupIds().isEmpty()) {
            text.append("\n\n").append(texts.get("groups.selected", "count", selection.groupIds().size()));
        }
        if (!open) {
            text.append("\n\n").append(noneOpen(context));
        }
        return text.toString();
    }

    private String status(Context context, ChatGroup group) {
        Texts texts = context.texts();
        if (data.groups().memberships().isIn(group.id(), context.userId())) {
            return texts.get("groups.status.in");
        }
        if (!group.isActive()) {
            return texts.get("groups.status.soon");
        }
        List<Eligibility.Reason> reasons = words.check(context.userId(), group);
        return reasons.isEmpty() ? texts.get("groups.status.open")
                : texts.get("groups.status.closed", "why", words.why(reasons, group, texts));
    }

    private InlineKeyboardMarkup keyboard(Context context, JoinSelection selection, int version) {
        Texts texts = context.texts();
        Keyboard keyboard = Keyboard.create();
        for (ChatGroup group : data.groups().catalogue().all()) {
            if (joinable(context.userId(), group)) {
                boolean picked = selection.groupIds().contains(group.id());
                keyboard.row().button((picked ? "☑ " : "☐ ") + group.title(texts.language().code()),
                        CatalogueButton.SET.data(new CatalogueButton.Toggle(version, group.id())));
            }
        }
        if (!selection.groupIds().isEmpty()) {
            keyboard.row().button(texts.plain("groups.continue", "count", selection.groupIds().size()),
                    CatalogueButton.SET.data(new CatalogueButton.Continue(version)));
        }
        if (keyboard.isEmpty() && offersAsk(context)) {
            keyboard.row().button(texts.plain("groups.ask.staff"),
                    CatalogueButton.SET.data(new CatalogueButton.AskStaff(version)));
        }
        return keyboard.isEmpty() ? null : keyboard.build();
    }

    private Conversation save(Context context, String step, JoinSelection selection) {
        return state.save(context, step, selection);
    }
}
