package org.ccin.bot.privacy;

import java.time.Duration;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.groups.GroupActions;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
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
 * It cannot be undone, so the Yes button ({@code fm:yes:<id>}) carries a one-time id of this one request: it works
 * once, for the person it was made for, for {@link #LIFETIME}; an old, used or forged button erases nothing.
 */
final class ForgetMeCommand extends CommandAdapter implements CallbackAction {
    static final String FEATURE = "fm";
    static final String PURPOSE = "forgetme";
    static final Duration LIFETIME = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(ForgetMeCommand.class);

    private final Store store;
    private final GroupActions groupActions;

    ForgetMeCommand(Store store, GroupActions groupActions) {
        super("forgetme", Role.EVERYONE);
        this.store = store;
        this.groupActions = groupActions;
    }

    @Override
    public String feature() {
        return FEATURE;
    }

    @Override
    public void handle(Context context) {
        Texts texts = context.texts();
        String request = store.confirmations().issue(context.userId(), PURPOSE, LIFETIME);
        context.reply().send(texts.get("privacy.forget.ask", "minutes", LIFETIME.toMinutes()), Keyboard.create()
                .button(texts.plain("privacy.forget.yes"), CallbackData.of(FEATURE, "yes", request))
                .row().button(texts.plain("privacy.forget.no"), CallbackData.of(FEATURE, "no", request)).build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        long userId = context.userId();
        if (data.action().equals("no")) {
            // the request is over: its Yes, if still somewhere, confirms nothing any more
            data.arg(0).ifPresent(request -> store.confirmations().use(request, userId, PURPOSE));
            context.reply().show(texts.get("privacy.forget.kept"), null);
            return;
        }
        Optional<String> request = data.arg(0);
        if (!data.action().equals("yes") || request.isEmpty()
                || !store.confirmations().use(request.get(), userId, PURPOSE)) {
            context.reply().alert(texts.plain("privacy.stale"));
            return;
        }
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
