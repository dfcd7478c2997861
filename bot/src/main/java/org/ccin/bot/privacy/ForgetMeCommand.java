package org.ccin.bot.privacy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Command;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Membership;
import org.ccin.store.groups.MembershipStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;

/**
 * /forgetme: says what erasure does and asks to confirm; "Yes, forget me" takes the person out of every group the
 * bot looks after, then erases them in one transaction (their answers as an action lead stay, as by "a former lead").
 * The button acts only for the person who taps it, so a forged one can erase nobody else. It cannot be undone.
 */
final class ForgetMeCommand implements Command, CallbackAction {
    static final String FEATURE = "fm";
    private static final Logger log = LoggerFactory.getLogger(ForgetMeCommand.class);
    private static final Duration GROUP_WAIT = Duration.ofSeconds(20);

    private final Store store;
    private final Sender sender;

    ForgetMeCommand(Store store, Sender sender) {
        this.store = store;
        this.sender = sender;
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
        List<Membership> memberships = store.groups().memberships().of(userId);
        int left = 0;
        for (Membership membership : memberships) {
            Optional<ChatGroup> group = store.groups().catalogue().find(membership.groupId());
            if (group.isEmpty() || group.get().chatId().isEmpty() || membership.status() != MembershipStatus.JOINED) {
                continue;
            }
            long chat = group.get().chatId().get();
            CompletableFuture<Boolean> ban = sender.call(Lane.INTERACTIVE, BanChatMember.builder().chatId(chat)
                    .userId(userId).build());
            try {
                if (Boolean.TRUE.equals(ban.get(GROUP_WAIT.toSeconds(), TimeUnit.SECONDS))) {
                    left++;
                }
                sender.call(Lane.INTERACTIVE, UnbanChatMember.builder().chatId(chat).userId(userId).onlyIfBanned(true)
                        .build()).get(GROUP_WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (Exception e) {
                // erasure goes on: the records go anyway, and staff see the failure in the log
                log.warn("could not take member {} out of group {}: {}", userId, group.get().code(), e.toString());
            }
        }
        return left;
    }
}
