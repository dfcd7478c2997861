package org.ccin.bot.groups;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.Notice;
import org.ccin.store.members.Member;
import org.ccin.store.organisations.Organisation;

/**
 * /organisation name (staff): an organisation with its members, and Mark as left the network / Mark as back
 * ({@code org:<show|left|back>:<id>}). When it leaves, its people in member-only groups are told and are removed
 * after the notice period, unless it comes back first.
 */
final class OrganisationCommand extends CommandAdapter implements CallbackAction {
    private final Store store;
    private final GroupActions actions;
    private final Messages messages;
    private final BotConfig config;
    private final Clock clock;

    OrganisationCommand(Store store, GroupActions actions, Messages messages, BotConfig config, Clock clock) {
        super("organisation", Role.STAFF);
        this.store = store;
        this.actions = actions;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String feature() {
        return "org";
    }

    @Override
    public void handle(Context context) {
        String typed = context.incoming().commandArguments();
        Texts texts = context.texts();
        if (typed.isBlank()) {
            context.reply().send(texts.get("groups.org.usage"));
            return;
        }
        List<Organisation> found = store.organisations().search(typed, 6);
        if (found.isEmpty()) {
            context.reply().send(texts.get("groups.org.none", "typed", typed));
            return;
        }
        Keyboard keyboard = Keyboard.create();
        found.forEach(o -> keyboard.row().button(o.name(), CallbackData.of(feature(), "show", o.id())));
        context.reply().send(texts.get("groups.org.pick"), keyboard.build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        if (!config.isStaff(context.userId())) {
            context.reply().alert(texts.plain("access.staff.only"));
            return;
        }
        Optional<Organisation> organisation = data.number(0).flatMap(store.organisations()::findById);
        if (organisation.isEmpty()) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        switch (data.action()) {
            case "show":
                break;
            case "left":
                if (organisation.get().networkMember()) {
                    store.organisations().setNetworkMember(organisation.get().id(), false);
                    store.auditLog().record(Optional.of(context.userId()), "organisation.left",
                            organisation.get().name(), "");
                    announceRemovals(organisation.get());
                }
                break;
            case "back":
                if (!organisation.get().networkMember()) {
                    store.organisations().setNetworkMember(organisation.get().id(), true);
                    store.auditLog().record(Optional.of(context.userId()), "organisation.back",
                            organisation.get().name(), "");
                    for (Member member : store.members().ofOrganisation(organisation.get().id())) {
                        store.groups().notices().resolveAll(member.telegramUserId(), Notice.Reason.ORGANISATION_LEFT,
                                "organisation back in the network");
                    }
                }
                break;
            default:
                context.reply().alert(texts.plain("button.unknown"));
                return;
        }
        Organisation now = store.organisations().findById(organisation.get().id()).orElseThrow();
        int people = store.members().ofOrganisation(now.id()).size();
        context.reply().show(texts.get("groups.org.card", "name", now.name(), "people", people,
                "member", texts.plain(now.networkMember() ? "groups.setup.yes" : "groups.setup.no")),
                Keyboard.create().row().button(texts.plain(now.networkMember() ? "groups.org.mark.left"
                        : "groups.org.mark.back"), CallbackData.of(feature(), now.networkMember() ? "left" : "back",
                        now.id())).build());
    }

    /** Tells each person in a member-only group that they will leave it after the notice period. */
    private void announceRemovals(Organisation organisation) {
        Instant removeAfter = clock.instant().plus(config.groups().noticePeriod());
        for (Member member : store.members().ofOrganisation(organisation.id())) {
            Texts theirs = messages.in(Language.fromCode(member.language()).orElse(Language.EN));
            StringBuilder groups = new StringBuilder();
            for (Membership membership : store.groups().memberships().of(member.telegramUserId())) {
                Optional<ChatGroup> group = store.groups().catalogue().find(membership.groupId())
                        .filter(ChatGroup::networkMembersOnly);
                if (group.isPresent()) {
                    store.groups().notices().announce(member.telegramUserId(), group.get().id(),
                            Notice.Reason.ORGANISATION_LEFT, removeAfter);
                    groups.append("\n• ").append(Html.escape(group.get().title(theirs.language().code())));
                }
            }
            if (groups.length() > 0) {
                actions.tellLater(member.telegramUserId(), theirs.get("groups.org.you.left", "organisation",
                        organisation.name(), "groups", Html.trusted(groups.toString()),
                        "date", theirs.date(removeAfter.atZone(config.zone()).toLocalDate())), null);
            }
        }
    }
}
