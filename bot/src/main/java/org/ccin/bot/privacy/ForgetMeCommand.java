package org.ccin.bot.privacy;

import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.groups.GroupActions;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.MembershipStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * /forgetme: says what erasure does and asks to confirm; "Yes, forget me" takes the person out of every group the
 * bot looks after, then erases them in one transaction (their answers as an action lead stay, as by "a former lead").
 * The button acts only for the person who taps it, so a forged one can erase nobody else. It cannot be undone.
 */
final class ForgetMeCommand implements Command, CallbackAction {
    static final String FEATURE = "fm";
    private static final Logger log = LoggerFactory.getLogger(ForgetMeCommand.class);

    private final Store store;
    private final GroupActions groupActions;

    ForgetMeCommand(Store store, GroupActions groupActions) {
        this.store = store;
        this.groupActions = groupActions;
    }

    @Override
    public String name() {
        return "forgetme";
    }

    @Override
    public Role audience() {
        return Role.EVERYONE;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        context.reply().send(texts.get("privacy.forget.ask"), Keyboard.create()
                .button(texts.plain("privacy.forget.yes"), CallbackData.of(FEATURE, "yes"))
                .row().button(texts.plain("privacy.forget.no"), CallbackData.of(FEATURE, "no")).build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        if (data.action().equals("no")) {
            context.reply().show(texts.get("privacy.forget.kept"), null);
            return;
        }
        if (!data.action().equals("yes")) {
            context.reply().alert(texts.plain("privacy.stale"));
            return;
        }
        long userId = context.userId();
        int groups = leaveGroups(userId);
        int rows = store.personalData().erase(userId);
        log.info("member {} erased at their request: {} rows, {} groups", userId, rows, groups);
        context.reply().show(texts.get("privacy.forget.done", "groups", groups), null);
    }

    /** Takes the person out of each group the bot looks after where they are (they could rejoin later). */
    private int leaveGroups(long userId) {
        int left = 0;
        for (Membership membership : store.groups().memberships().of(userId)) {
            Optional<ChatGroup> group = store.groups().catalogue().find(membership.groupId());
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
