package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.MembershipStatus;

/** /mygroups: the groups a member is in, each with Leave ({@link MyGroupsButton}); they may rejoin later. */
final class MyGroupsCommand extends CommandAdapter {
    private final Groups groups;
    private final GroupActions actions;

    MyGroupsCommand(Groups groups, GroupActions actions) {
        super("mygroups", Role.MEMBER);
        this.groups = groups;
        this.actions = actions;
    }

    @Override
    public void handle(Context context) {
        show(context);
    }

    private void show(Context context) {
        Texts texts = context.texts();
        List<Membership> memberships = groups.memberships().of(context.userId());
        if (memberships.isEmpty()) {
            context.reply().show(texts.get("groups.mine.none"), null);
            return;
        }
        StringBuilder text = new StringBuilder(texts.get("groups.mine.intro"));
        Keyboard keyboard = Keyboard.create();
        for (Membership membership : memberships) {
            Optional<ChatGroup> group = groups.catalogue().find(membership.groupId());
            if (group.isEmpty()) {
                continue;
            }
            String title = group.get().title(texts.language().code());
            text.append("\n• ").append(Html.escape(title));
            keyboard.row().button(texts.plain("groups.mine.leave", "group", title),
                    MyGroupsButton.SET.data(new MyGroupsButton.Leave(group.get().id())));
        }
        context.reply().show(text.toString(), keyboard.build());
    }

    /** The buttons' handler; a button that is not Leave is answered as one for a group one is not in. */
    CallbackAction buttons() {
        return MyGroupsButton.SET.handlers().on(MyGroupsButton.Leave.class, this::leave)
                .unknown("groups.mine.not.in").build();
    }

    private void leave(Context context, MyGroupsButton.Leave button) {
        Optional<ChatGroup> group = groups.catalogue().find(button.groupId());
        if (group.isEmpty() || !groups.memberships().isIn(group.get().id(), context.userId())
                || group.get().chatId().isEmpty()) {
            context.reply().alert(context.texts().plain("groups.mine.not.in"));
            return;
        }
        GroupActions.Outcome outcome = actions.remove(group.get(), context.userId(), MembershipStatus.LEFT,
                "left from the bot");
        if (!outcome.done()) {
            context.reply().alert(context.texts().plain("groups.mine.leave.failed"));
            return;
        }
        context.reply().answer(context.texts().plain("groups.mine.left",
                "group", group.get().title(context.texts().language().code())));
        show(context);
    }
}
