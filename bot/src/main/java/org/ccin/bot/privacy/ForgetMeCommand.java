package org.ccin.bot.privacy;

import java.time.Duration;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.groups.GroupActions;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.confirmations.Confirmations;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.MembershipRepository;
import org.ccin.store.groups.MembershipStatus;
import org.ccin.store.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /forgetme: says what erasure does and asks to confirm; "Yes, forget me" takes the person out of every group the
 * bot looks after, then erases them in one transaction (their answers as an action lead stay, as by "a former lead").
 * It cannot be undone, so the Yes button ({@link ForgetMeButton.Yes}) carries a one-time id of this one request: it works
 * once, for the person it was made for, for {@link #LIFETIME}; an old, used or forged button erases nothing.
 */
final class ForgetMeCommand extends CommandAdapter {
    static final String PURPOSE = "forgetme";
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(ForgetMeCommand.class);

    private final Confirmations confirmations;
    private final PersonalData personalData;
    private final MembershipRepository memberships;
    private final GroupRepository groups;
    private final GroupActions groupActions;

    ForgetMeCommand(Confirmations confirmations, PersonalData personalData, MembershipRepository memberships,
                    GroupRepository groups, GroupActions groupActions) {
        super("forgetme", Role.EVERYONE);
        this.confirmations = confirmations;
        this.personalData = personalData;
        this.memberships = memberships;
        this.groups = groups;
        this.groupActions = groupActions;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        String request = confirmations.issue(context.userId(), PURPOSE, LIFETIME);
        context.reply().send(texts.get("privacy.forget.ask", "minutes", LIFETIME.toMinutes()), Keyboard.create()
                .button(texts.plain("privacy.forget.yes"), ForgetMeButton.SET.data(new ForgetMeButton.Yes(request)))
                .row().button(texts.plain("privacy.forget.no"), ForgetMeButton.SET.data(new ForgetMeButton.No(request))).build());
    }

    /** The buttons' handler; data that is none of them (a Yes without its id) erases nothing, as a stale Yes. */
    CallbackAction buttons() {
        return ForgetMeButton.SET.handlers()
                .on(ForgetMeButton.Yes.class, this::erase)
                .on(ForgetMeButton.No.class, this::keep)
                .unknown("privacy.stale")
                .build();
    }

    private void keep(Context context, ForgetMeButton.No button) {
        // the request is over: its Yes, if still somewhere, confirms nothing any more
        confirmations.use(button.request(), context.userId(), PURPOSE);
        context.reply().show(context.texts().get("privacy.forget.kept"), null);
    }

    private void erase(Context context, ForgetMeButton.Yes button) {
        Texts texts = context.texts();
        long userId = context.userId();
        if (!confirmations.use(button.request(), userId, PURPOSE)) {
            context.reply().alert(texts.plain("privacy.stale"));
            return;
        }
        int groups = leaveGroups(userId);
        int rows = personalData.erase(userId);
        log.info("member {} erased at their request: {} rows, {} groups", userId, rows, groups);
        context.reply().show(texts.get("privacy.forget.done", "groups", groups), null);
    }

    /** Takes the person out of each group the bot looks after where they are (they could rejoin later). */
    private int leaveGroups(long userId) {
        int left = 0;
        for (Membership membership : memberships.of(userId)) {
            Optional<ChatGroup> group = groups.find(membership.groupId());
            if (group.isEmpty() || group.get().chatId().isEmpty() || membership.status() != MembershipStatus.JOINED) {
                continue;
            }
            // erasure goes on whatever Telegram answers: the records go anyway, and a failure is in the log
            if (groupActions.remove(group.get(), userId, MembershipStatus.LEFT, "forgetme").done()) {
                left++;
            }
        }
        return left;
    }
}
