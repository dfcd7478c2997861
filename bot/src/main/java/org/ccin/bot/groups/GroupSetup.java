package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupKind;
import org.ccin.store.groups.GroupSettings;
import org.ccin.store.reference.MembershipCategory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Staff set a group up from the private chat (/groupsetup, or the card sent after /registergroup): kind, who may
 * join (categories, roles, network members only, verified only), Chatham House, removal when new rules are not
 * accepted, and the purpose (typed). Buttons {@link GroupSetupButton}, staff only.
 */
final class GroupSetup extends CommandAdapter implements ConversationFlow {
    static final String FLOW = "groupsetup";
    private static final int PURPOSE_MAX = 200;

    /** The state while a member of staff types a purpose: the group it is for. */
    record PurposeFor(long groupId) {
    }

    private final GroupsData data;
    private final FlowState<PurposeFor> state;
    private final GroupActions actions;
    private final BotConfig config;

    GroupSetup(GroupsData data, GroupActions actions, BotConfig config) {
        super("groupsetup", Role.STAFF);
        this.data = data;
        this.state = new FlowState<>(data.conversations(), FLOW, PurposeFor.class);
        this.actions = actions;
        this.config = config;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        Keyboard keyboard = Keyboard.create();
        for (ChatGroup group : data.groups().catalogue().all()) {
            keyboard.row().button((group.isActive() ? "● " : "○ ") + group.title(texts.language().code()),
                    GroupSetupButton.SET.data(new GroupSetupButton.Open(group.id())));
        }
        context.reply().send(texts.get("groups.setup.pick"), keyboard.build());
    }

    /** Sends the card of a group to a member of staff. */
    void sendCard(long staffId, ChatGroup group, Texts texts) {
        actions.tellLater(staffId, card(group, texts), keyboard(group, texts));
    }

    /** The buttons' handler: staff only, whatever the button says; each changes one setting and shows the card. */
    CallbackAction buttons() {
        return GroupSetupButton.SET.handlers().guard(StaffOnly.guard(config))
                .on(GroupSetupButton.Open.class, change((button, settings) -> Optional.of(settings)))
                .on(GroupSetupButton.Kind.class, change((button, settings) ->
                        Optional.of(settings.withKind(button.kind()))))
                .on(GroupSetupButton.Roles.class, change((button, settings) ->
                        Optional.of(settings.withRoles(button.roles().roles()))))
                .on(GroupSetupButton.Category.class, change((button, settings) ->
                        data.referenceData().category(button.code())
                                .map(category -> settings.withCategories(toggle(settings.allowedCategories(),
                                        button.code())))))
                .on(GroupSetupButton.Flag.class, change((button, settings) ->
                        Optional.of(settings.toggled(button.letter().charAt(0)))))
                .on(GroupSetupButton.Purpose.class, this::askPurpose)
                .build();
    }

    /** The settings a button makes of the group's; none when what it names does not exist. */
    @FunctionalInterface
    private interface Change<T extends GroupSetupButton> {
        Optional<GroupSettings> apply(T button, GroupSettings settings);
    }

    private <T extends GroupSetupButton> ButtonHandlers.Tap<T> change(Change<? super T> change) {
        return (context, button) -> {
            Optional<ChatGroup> found = group(context, button);
            if (found.isEmpty()) {
                return;
            }
            ChatGroup group = found.get();
            GroupSettings settings = GroupSettings.of(group);
            Optional<GroupSettings> changed = change.apply(button, settings);
            if (changed.isEmpty()) {
                context.reply().alert(context.texts().plain("button.unknown"));
                return;
            }
            ChatGroup updated = group;
            if (!changed.get().equals(settings)) {
                updated = data.groups().catalogue().update(group.id(), changed.get());
                data.auditLog().record(Optional.of(context.userId()), "group.settings", Optional.of(group.id()),
                        Optional.empty(), group.code(), changed.get().toString());
            }
            context.reply().show(card(updated, context.texts()), keyboard(updated, context.texts()));
        };
    }

    private void askPurpose(Context context, GroupSetupButton.Purpose button) {
        Optional<ChatGroup> group = group(context, button);
        if (group.isPresent()) {
            state.save(context, "purpose", new PurposeFor(group.get().id()));
            context.reply().send(context.texts().get("groups.setup.purpose.ask", "group", group.get().titleEn()));
        }
    }

    /** The group the button is on; none (and the person told) when there is no such group. */
    private Optional<ChatGroup> group(Context context, GroupSetupButton button) {
        Optional<ChatGroup> group = data.groups().catalogue().find(button.groupId());
        if (group.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
        }
        return group;
    }

    /** The purpose typed after "Set purpose". */
    @Override
    public void onMessage(Context context, Conversation conversation) {
        Optional<String> text = context.incoming().text().map(String::strip);
        if (!config.isStaff(context.userId())) {
            state.end(context);
            context.reply().send(context.texts().get("access.staff.only"));
            return;
        }
        Optional<PurposeFor> purposeFor = state.read(conversation);
        if (purposeFor.isEmpty()) {
            // saved by an older version (the bare group id): answered as if the conversation had expired
            state.end(context);
            context.reply().send(context.texts().get("groups.flow.expired", "command", "/groupsetup"));
            return;
        }
        Optional<ChatGroup> group = data.groups().catalogue().find(purposeFor.get().groupId());
        if (group.isEmpty()) {
            state.end(context);
            context.reply().send(context.texts().get("access.staff.only"));
            return;
        }
        if (text.isEmpty() || text.get().length() > PURPOSE_MAX) {
            context.reply().send(context.texts().get("groups.setup.purpose.bad", "max", PURPOSE_MAX));
            return;
        }
        ChatGroup updated = data.groups().catalogue().update(group.get().id(),
                GroupSettings.of(group.get()).withPurpose(text.get()));
        state.end(context);
        context.reply().send(card(updated, context.texts()), keyboard(updated, context.texts()));
    }

    String card(ChatGroup group, Texts texts) {
        String language = texts.language().code();
        List<String> categories = new ArrayList<>();
        for (String code : group.allowedCategories()) {
            categories.add(data.referenceData().category(code).map(c -> c.name(language)).orElse(code));
        }
        List<String> roles = new ArrayList<>();
        group.allowedRoles().forEach(r -> roles.add(texts.plain("role." + r.name().toLowerCase())));
        String any = texts.plain("groups.setup.any");
        return texts.get("groups.setup.card", "group", group.title(language), "code", group.code(),
                "status", texts.plain("groups.setup.status." + group.status().name().toLowerCase()),
                "kind", texts.plain("groups.kind." + group.kind().name().toLowerCase()),
                "purpose", group.purpose(language).isBlank() ? "–" : group.purpose(language),
                "categories", categories.isEmpty() ? any : String.join(", ", categories),
                "roles", roles.isEmpty() ? any : String.join(", ", roles),
                "network", yesNo(group.networkMembersOnly(), texts), "verified", yesNo(group.verifiedOnly(), texts),
                "chatham", yesNo(group.chathamHouse(), texts), "lapse", yesNo(group.removeOnRulesLapse(), texts),
                "moderators", data.groups().catalogue().moderators(group.id()).size());
    }

    private static String yesNo(boolean value, Texts texts) {
        return texts.plain(value ? "groups.setup.yes" : "groups.setup.no");
    }

    InlineKeyboardMarkup keyboard(ChatGroup group, Texts texts) {
        long id = group.id();
        Keyboard keyboard = Keyboard.create().row();
        for (GroupKind kind : GroupKind.values()) {
            keyboard.button((group.kind() == kind ? "● " : "") + texts.plain("groups.kind." + kind.name().toLowerCase()),
                    button(new GroupSetupButton.Kind(id, kind)));
        }
        keyboard.row()
                .button(texts.plain("groups.setup.roles.any"),
                        button(new GroupSetupButton.Roles(id, GroupSetupButton.RoleChoice.ANY)))
                .button(texts.plain("groups.setup.roles.officers"),
                        button(new GroupSetupButton.Roles(id, GroupSetupButton.RoleChoice.OFFICER)))
                .button(texts.plain("groups.setup.roles.councillors"),
                        button(new GroupSetupButton.Roles(id, GroupSetupButton.RoleChoice.COUNCILLOR)));
        keyboard.row();
        for (MembershipCategory category : data.referenceData().categories()) {
            boolean on = group.allowedCategories().contains(category.code());
            keyboard.button((on ? "☑ " : "☐ ") + category.name(texts.language().code()),
                    button(new GroupSetupButton.Category(id, category.code())));
        }
        keyboard.row().button(flag("groups.setup.flag.network", group.networkMembersOnly(), texts),
                        button(new GroupSetupButton.Flag(id, "n")))
                .button(flag("groups.setup.flag.verified", group.verifiedOnly(), texts),
                        button(new GroupSetupButton.Flag(id, "v")))
                .row().button(flag("groups.setup.flag.chatham", group.chathamHouse(), texts),
                        button(new GroupSetupButton.Flag(id, "h")))
                .button(flag("groups.setup.flag.lapse", group.removeOnRulesLapse(), texts),
                        button(new GroupSetupButton.Flag(id, "l")))
                .row().button(texts.plain("groups.setup.purpose"), button(new GroupSetupButton.Purpose(id)));
        return keyboard.build();
    }

    private static String flag(String key, boolean on, Texts texts) {
        return (on ? "☑ " : "☐ ") + Html.strip(texts.plain(key));
    }

    private static CallbackData button(GroupSetupButton button) {
        return GroupSetupButton.SET.data(button);
    }

    private static List<String> toggle(List<String> values, String value) {
        List<String> result = new ArrayList<>(values);
        if (!result.remove(value)) {
            result.add(value);
        }
        return result;
    }
}
