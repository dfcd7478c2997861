package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.EventHandler;
import org.ccin.bot.routing.Incoming;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.routing.RegistrationListener;
import org.ccin.config.BotConfig;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.JoinRequest;
import org.ccin.store.groups.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.ChatJoinRequest;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Join requests (through a personal link or a group's own link). Accepted the current rules and eligible: approved
 * at once. Not eligible: declined, and told why. Not registered: told to register first, with no button (nobody
 * accepts rules they were not shown); once they have registered, the waiting request is picked up here. Registered
 * but not yet accepted: a private message (Telegram allows it while the request is pending) carries the full rules
 * and an Accept button ({@link JoinRequestButton}), and the request is approved after acceptance. The Accept button
 * records only rules that were shown to that person; otherwise it shows them first.
 */
final class JoinRequests implements EventHandler, RegistrationListener {
    private static final Logger log = LoggerFactory.getLogger(JoinRequests.class);

    private final Groups groups;
    private final GroupWords words;
    private final GroupActions actions;
    private final BotConfig config;

    JoinRequests(Groups groups, GroupWords words, GroupActions actions, BotConfig config) {
        this.groups = groups;
        this.words = words;
        this.actions = actions;
        this.config = config;
    }

    @Override
    public boolean accepts(Incoming incoming) {
        return incoming.update().hasChatJoinRequest();
    }

    @Override
    public void handle(Context context) {
        ChatJoinRequest request = context.incoming().update().getChatJoinRequest();
        long userId = request.getUser().getId();
        Optional<ChatGroup> group = groups.catalogue().byChat(request.getChat().getId())
                .filter(ChatGroup::isActive);
        if (group.isEmpty()) {
            log.info("join request of {} for chat {}, which is not a registered group: left to its admins", userId,
                    request.getChat().getId());
            return;
        }
        Optional<String> link = Optional.ofNullable(request.getInviteLink()).map(l -> l.getInviteLink());
        JoinRequest recorded = groups.joinRequests().record(group.get().id(), userId, link);
        Texts texts = context.texts(); // the requester's: the update is theirs
        if (words.check(userId, group.get()).contains(Eligibility.Reason.NOT_REGISTERED)) {
            actions.tell(userId, texts.get("groups.request.register", "group", group.get().title(texts.language().code()),
                    "hours", config.groups().pendingRequestTimeout().toHours()), null);
            return;
        }
        answer(group.get(), recorded, userId, texts, "groups.request.rules", context);
    }

    /** A stranger has just registered: the requests they sent before are answered now, in this chat. */
    @Override
    public void registered(Context context) {
        for (JoinRequest request : groups.joinRequests().pendingOf(context.userId())) {
            Optional<ChatGroup> group = groups.catalogue().find(request.groupId()).filter(ChatGroup::isActive);
            if (group.isPresent()) {
                answer(group.get(), request, context.userId(), context.texts(), "groups.request.after.registration",
                        context);
            }
        }
    }

    /** Declines (and says why), approves (rules accepted already), or sends the rules with the Accept button. */
    private void answer(ChatGroup group, JoinRequest request, long userId, Texts texts, String rulesIntro,
                        Context context) {
        String title = group.title(texts.language().code());
        List<Eligibility.Reason> reasons = words.check(userId, group);
        if (!reasons.isEmpty()) {
            actions.decline(group, userId);
            String why = words.why(reasons, group, texts);
            groups.joinRequests().decide(request.id(), JoinRequest.Status.DECLINED, why);
            actions.tell(userId, texts.get("groups.request.declined", "group", title, "why", why), null);
            return;
        }
        if (groups.rules().hasAcceptedCurrent(userId, group.id())) {
            approve(group, request, userId, texts, Optional.empty(), context);
            return;
        }
        // recorded before it is sent: the tap on its button may be handled before the send is confirmed
        groups.rules().shown(userId, words.versionIds(List.of(group)));
        actions.tell(userId, rulesMessage(group, texts, rulesIntro), acceptButton(request, texts));
    }

    private String rulesMessage(ChatGroup group, Texts texts, String introKey) {
        return texts.get(introKey, "group", group.title(texts.language().code()),
                "hours", config.groups().pendingRequestTimeout().toHours()) + "\n\n"
                + words.rules(List.of(group), texts);
    }

    private InlineKeyboardMarkup acceptButton(JoinRequest request, Texts texts) {
        return Keyboard.create().row().button(texts.plain("groups.rules.accept"),
                JoinRequestButton.SET.data(new JoinRequestButton.Accept(request.id()))).build();
    }

    /** The buttons' handler. */
    CallbackAction buttons() {
        return JoinRequestButton.SET.handlers().on(JoinRequestButton.Accept.class, this::accept).build();
    }

    /** The Accept button of the private message: only the person who asked, only while the request is pending. */
    private void accept(Context context, JoinRequestButton.Accept button) {
        Texts texts = context.texts();
        Optional<JoinRequest> request = groups.joinRequests().find(button.requestId());
        if (request.isEmpty() || request.get().userId() != context.userId()) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        if (request.get().status() != JoinRequest.Status.PENDING) {
            context.reply().alert(texts.plain("groups.request.over"));
            return;
        }
        Optional<ChatGroup> group = groups.catalogue().find(request.get().groupId()).filter(ChatGroup::isActive);
        if (group.isEmpty()) {
            context.reply().alert(texts.plain("groups.request.over"));
            return;
        }
        List<Eligibility.Reason> reasons = words.check(context.userId(), group.get());
        if (reasons.contains(Eligibility.Reason.NOT_REGISTERED)) {
            context.reply().alert(texts.plain("groups.request.register.first"));
            return;
        }
        if (!reasons.isEmpty()) {
            actions.decline(group.get(), context.userId());
            String why = words.why(reasons, group.get(), texts);
            groups.joinRequests().decide(request.get().id(), JoinRequest.Status.DECLINED, why);
            context.reply().show(texts.get("groups.request.declined", "group",
                    group.get().title(texts.language().code()), "why", why), null);
            return;
        }
        List<Long> versions = words.versionIds(List.of(group.get()));
        if (!groups.rules().acceptShown(context.userId(), versions)) {
            // never shown these rules (an old button, newer rules, or a forged tap): show them, and ask again
            context.reply().alert(texts.plain("groups.rules.read.first"));
            groups.rules().shown(context.userId(), versions);
            context.reply().show(rulesMessage(group.get(), texts, "groups.request.rules"),
                    acceptButton(request.get(), texts));
            return;
        }
        groups.notices().resolveAll(context.userId(), Notice.Reason.RULES_NOT_ACCEPTED, "accepted");
        approve(group.get(), request.get(), context.userId(), texts, context.incoming().callbackMessageId(), context);
    }

    private void approve(ChatGroup group, JoinRequest request, long userId, Texts texts, Optional<Integer> editMessage,
                         Context context) {
        String title = group.title(texts.language().code());
        GroupActions.Outcome outcome = actions.approve(group, userId);
        String text;
        if (outcome.done()) {
            groups.joinRequests().decide(request.id(), JoinRequest.Status.APPROVED, "approved");
            text = texts.get("groups.request.approved", "group", title);
        } else {
            // Telegram no longer has the request (it expired, or was answered in the group)
            groups.joinRequests().decide(request.id(), JoinRequest.Status.EXPIRED,
                    outcome.failure().map(Throwable::getMessage).orElse("not approved"));
            text = texts.get("groups.request.gone", "group", title);
        }
        if (editMessage.isPresent()) {
            context.reply().show(text, null);
        } else {
            actions.tell(userId, text, null);
        }
    }
}
