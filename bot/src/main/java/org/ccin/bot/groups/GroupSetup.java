package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
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
import org.ccin.store.groups.GroupKind;
import org.ccin.store.groups.GroupSettings;
import org.ccin.store.members.WorkRole;
import org.ccin.store.reference.MembershipCategory;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Staff set a group up from the private chat (/groupsetup, or the card sent after /registergroup): kind, who may
 * join (categories, roles, network members only, verified only), Chatham House, removal when new rules are not
 * accepted, and the purpose (typed). Buttons {@code gset:<what>:<group id>[:value]}, staff only.
 */
final class GroupSetup extends CommandAdapter implements CallbackAction, ConversationFlow {
    static final String FLOW = "groupsetup";
    private static final int PURPOSE_MAX = 200;

    private final Store store;
    private final GroupActions actions;
    private final BotConfig config;

    GroupSetup(Store store, GroupActions actions, BotConfig config) {
        super("groupsetup", Role.STAFF);
        this.store = store;
        this.actions = actions;
        this.config = config;
    }

    @Override
    public String feature() {
        return "gset";
    }

    @Override
    public String flow() {
        return FLOW;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        Keyboard keyboard = Keyboard.create();
        for (ChatGroup group : store.groups().catalogue().all()) {
            keyboard.row().button((group.isActive() ? "● " : "○ ") + group.title(texts.language().code()),
                    CallbackData.of(feature(), "o", group.id()));
        }
        context.reply().send(texts.get("groups.setup.pick"), keyboard.build());
    }

    /** Sends the card of a group to a member of staff. */
    void sendCard(long staffId, ChatGroup group, Texts texts) {
        actions.tellLater(staffId, card(group, texts), buttons(group, texts));
    }

    @Override
    public void handle(Context context, CallbackData data) {
        if (!config.isStaff(context.userId())) {
            context.reply().alert(context.texts().plain("access.staff.only"));
            return;
        }
        Optional<ChatGroup> found = data.number(0).flatMap(store.groups().catalogue()::find);
        if (found.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        ChatGroup group = found.get();
        GroupSettings s = GroupSettings.of(group);
        Optional<String> value = data.arg(1);
        Optional<GroupSettings> changed;
        switch (data.action()) {
            case "o":
                changed = Optional.of(s);
                break;
            case "k":
                changed = value.flatMap(GroupSetup::kind).map(s::withKind);
                break;
            case "r":
                changed = value.flatMap(GroupSetup::roles).map(s::withRoles);
                break;
            case "c":
                changed = value.filter(code -> store.referenceData().category(code).isPresent())
                        .map(code -> s.withCategories(toggle(s.allowedCategories(), code)));
                break;
            case "f":
                changed = value.filter(flag -> flag.length() == 1 && "nvhl".contains(flag))
                        .map(flag -> s.toggled(flag.charAt(0)));
                break;
            case "p":
                store.conversations().save(context.incoming().chatId(), context.userId(), FLOW, "purpose",
                        String.valueOf(group.id()));
                context.reply().send(context.texts().get("groups.setup.purpose.ask", "group", group.titleEn()));
                return;
            default:
                changed = Optional.empty();
        }
        if (changed.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        ChatGroup updated = changed.get().equals(s) ? group : store.groups().catalogue().update(group.id(), changed.get());
        if (!changed.get().equals(s)) {
            store.auditLog().record(Optional.of(context.userId()), "group.settings", Optional.of(group.id()),
                    Optional.empty(), group.code(), changed.get().toString());
        }
        context.reply().show(card(updated, context.texts()), buttons(updated, context.texts()));
    }

    /** The purpose typed after "Set purpose". */
    @Override
    public void onMessage(Context context, Conversation conversation) {
        Optional<String> text = context.incoming().text().map(String::strip);
        Optional<ChatGroup> group = parse(conversation.state()).flatMap(store.groups().catalogue()::find);
        if (!config.isStaff(context.userId()) || group.isEmpty()) {
            store.conversations().delete(context.incoming().chatId(), context.userId());
            context.reply().send(context.texts().get("access.staff.only"));
            return;
        }
        if (text.isEmpty() || text.get().length() > PURPOSE_MAX) {
            context.reply().send(context.texts().get("groups.setup.purpose.bad", "max", PURPOSE_MAX));
            return;
        }
        ChatGroup updated = store.groups().catalogue().update(group.get().id(),
                GroupSettings.of(group.get()).withPurpose(text.get()));
        store.conversations().delete(context.incoming().chatId(), context.userId());
        context.reply().send(card(updated, context.texts()), buttons(updated, context.texts()));
    }

    private static Optional<Long> parse(String state) {
        try {
            return Optional.of(Long.parseLong(state.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    String card(ChatGroup group, Texts texts) {
        String language = texts.language().code();
        List<String> categories = new ArrayList<>();
        for (String code : group.allowedCategories()) {
            categories.add(store.referenceData().category(code).map(c -> c.name(language)).orElse(code));
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
                "moderators", store.groups().catalogue().moderators(group.id()).size());
    }

    private static String yesNo(boolean value, Texts texts) {
        return texts.plain(value ? "groups.setup.yes" : "groups.setup.no");
    }

    InlineKeyboardMarkup buttons(ChatGroup group, Texts texts) {
        long id = group.id();
        Keyboard keyboard = Keyboard.create().row();
        for (GroupKind kind : GroupKind.values()) {
            keyboard.button((group.kind() == kind ? "● " : "") + texts.plain("groups.kind." + kind.name().toLowerCase()),
                    CallbackData.of(feature(), "k", id, kind.name()));
        }
        keyboard.row().button(texts.plain("groups.setup.roles.any"), CallbackData.of(feature(), "r", id, "ANY"))
                .button(texts.plain("groups.setup.roles.officers"), CallbackData.of(feature(), "r", id, "OFFICER"))
                .button(texts.plain("groups.setup.roles.councillors"), CallbackData.of(feature(), "r", id, "COUNCILLOR"));
        keyboard.row();
        for (MembershipCategory category : store.referenceData().categories()) {
            boolean on = group.allowedCategories().contains(category.code());
            keyboard.button((on ? "☑ " : "☐ ") + category.name(texts.language().code()),
                    CallbackData.of(feature(), "c", id, category.code()));
        }
        keyboard.row().button(flag("groups.setup.flag.network", group.networkMembersOnly(), texts),
                        CallbackData.of(feature(), "f", id, "n"))
                .button(flag("groups.setup.flag.verified", group.verifiedOnly(), texts),
                        CallbackData.of(feature(), "f", id, "v"))
                .row().button(flag("groups.setup.flag.chatham", group.chathamHouse(), texts),
                        CallbackData.of(feature(), "f", id, "h"))
                .button(flag("groups.setup.flag.lapse", group.removeOnRulesLapse(), texts),
                        CallbackData.of(feature(), "f", id, "l"))
                .row().button(texts.plain("groups.setup.purpose"), CallbackData.of(feature(), "p", id));
        return keyboard.build();
    }

    private static String flag(String key, boolean on, Texts texts) {
        return (on ? "☑ " : "☐ ") + Html.strip(texts.plain(key));
    }

    private static Optional<GroupKind> kind(String value) {
        try {
            return Optional.of(GroupKind.valueOf(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<List<WorkRole>> roles(String value) {
        switch (value) {
            case "ANY": return Optional.of(List.of());
            case "OFFICER": return Optional.of(List.of(WorkRole.OFFICER));
            case "COUNCILLOR": return Optional.of(List.of(WorkRole.COUNCILLOR));
            default: return Optional.empty();
        }
    }

    private static List<String> toggle(List<String> values, String value) {
        List<String> result = new ArrayList<>(values);
        if (!result.remove(value)) {
            result.add(value);
        }
        return result;
    }
}
