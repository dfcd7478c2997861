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
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.Notice;
import org.ccin.store.members.Member;
import org.ccin.store.organisations.Organisation;

/**
 * /organisation name (staff): an organisation with its members, and Mark as left the network / Mark as back
 * ({@link OrganisationButton}, staff only). When it leaves, its people in member-only groups are told and are removed
 * after the notice period, unless it comes back first.
 */
final class OrganisationCommand extends CommandAdapter {
    private final GroupsData data;
    private final GroupActions actions;
    private final Messages messages;
    private final BotConfig config;
    private final Clock clock;

    OrganisationCommand(GroupsData data, GroupActions actions, Messages messages, BotConfig config, Clock clock) {
        super("organisation", Role.STAFF);
        this.data = data;
        this.actions = actions;
        this.messages = messages;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void handle(Context context) {
        String typed = context.incoming().commandArguments();
        Texts texts = context.texts();
        if (typed.isBlank()) {
            context.reply().send(texts.get("groups.org.usage"));
            return;
        }
        List<Organisation> found = data.organisations().search(typed, 6);
        if (found.isEmpty()) {
            context.reply().send(texts.get("groups.org.none", "typed", typed));
            return;
        }
        Keyboard keyboard = Keyboard.create();
        found.forEach(o -> keyboard.row().button(o.name(),
                OrganisationButton.SET.data(new OrganisationButton.Show(o.id()))));
        context.reply().send(texts.get("groups.org.pick"), keyboard.build());
    }

    /** The buttons' handler: staff only, whatever the button says. */
    CallbackAction buttons() {
        return OrganisationButton.SET.handlers().guard(StaffOnly.guard(config))
                .on(OrganisationButton.Show.class, (context, button) -> organisation(context, button)
                        .ifPresent(found -> showCard(context, found)))
                .on(OrganisationButton.MarkLeft.class, this::markLeft)
                .on(OrganisationButton.MarkBack.class, this::markBack)
                .build();
    }

    private void markLeft(Context context, OrganisationButton.MarkLeft button) {
        Optional<Organisation> organisation = organisation(context, button);
        if (organisation.isEmpty()) {
            return;
        }
        if (organisation.get().networkMember()) {
            data.organisations().setNetworkMember(organisation.get().id(), false);
            data.auditLog().record(Optional.of(context.userId()), "organisation.left", organisation.get().name(), "");
            announceRemovals(organisation.get());
        }
        showCard(context, organisation.get());
    }

    private void markBack(Context context, OrganisationButton.MarkBack button) {
        Optional<Organisation> organisation = organisation(context, button);
        if (organisation.isEmpty()) {
            return;
        }
        if (!organisation.get().networkMember()) {
            data.organisations().setNetworkMember(organisation.get().id(), true);
            data.auditLog().record(Optional.of(context.userId()), "organisation.back", organisation.get().name(), "");
            for (Member member : data.members().ofOrganisation(organisation.get().id())) {
                data.groups().notices().resolveAll(member.telegramUserId(), Notice.Reason.ORGANISATION_LEFT,
                        "organisation back in the network");
            }
        }
        showCard(context, organisation.get());
    }

    /** The organisation the button is on; none (and the person told) when there is no such organisation. */
    private Optional<Organisation> organisation(Context context, OrganisationButton button) {
        Optional<Organisation> organisation = data.organisations().findById(button.organisationId());
        if (organisation.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
        }
        return organisation;
    }

    /** The organisation as it is now, with the one button that changes it. */
    private void showCard(Context context, Organisation organisation) {
        Texts texts = context.texts();
        Organisation now = data.organisations().findById(organisation.id()).orElseThrow();
        int people = data.members().ofOrganisation(now.id()).size();
        OrganisationButton change = now.networkMember() ? new OrganisationButton.MarkLeft(now.id())
                : new OrganisationButton.MarkBack(now.id());
        context.reply().show(texts.get("groups.org.card", "name", now.name(), "people", people,
                "member", texts.plain(now.networkMember() ? "groups.setup.yes" : "groups.setup.no")),
                Keyboard.create().row().button(texts.plain(now.networkMember() ? "groups.org.mark.left"
                        : "groups.org.mark.back"), OrganisationButton.SET.data(change)).build());
    }

    /** Tells each person in a member-only group that they will leave it after the notice period. */
    private void announceRemovals(Organisation organisation) {
        Instant removeAfter = clock.instant().plus(config.groups().noticePeriod());
        for (Member member : data.members().ofOrganisation(organisation.id())) {
            Texts theirs = messages.in(Language.fromCode(member.language()).orElse(Language.EN));
            StringBuilder groups = new StringBuilder();
            for (Membership membership : data.groups().memberships().of(member.telegramUserId())) {
                Optional<ChatGroup> group = data.groups().catalogue().find(membership.groupId())
                        .filter(ChatGroup::networkMembersOnly);
                if (group.isPresent()) {
                    data.groups().notices().announce(member.telegramUserId(), group.get().id(),
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
