package org.ccin.bot.routing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ccin.bot.access.Role;
import org.ccin.bot.access.RoleResolver;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.LanguagePreference;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.telegram.HandlerOutcome;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Sends each update to the feature that handles it: a button to its feature's action, a command to its command,
 * a message to the running conversation when it waits for one, other text (a question) to the text handlers, and
 * anything else to the event handlers. Nothing a person sends in a private chat goes unanswered, and nothing
 * escapes: an error is logged with the update id and the person gets a short apology. Thread-safe.
 */
public final class UpdateRouter {
    private static final Logger log = LoggerFactory.getLogger(UpdateRouter.class);

    private final CommandRegistry commands;
    /** By button prefix and by flow name: {@link Features} refused two claims of one at start. */
    private final Map<String, CallbackAction> callbacks;
    private final Map<String, ConversationFlow> flows;
    private final List<TextHandler> textHandlers;
    private final List<EventHandler> eventHandlers;
    private final Messages messages;
    private final LanguagePreference languages;
    private final MemberRepository members;
    private final ConversationRepository conversations;
    private final RoleResolver roles;
    private final Sender sender;
    private final Supplier<Optional<String>> botUsername;
    private final FloodGuard flood;

    public UpdateRouter(Features features, Messages messages, LanguagePreference languages, MemberRepository members,
                        ConversationRepository conversations, RoleResolver roles, Sender sender,
                        Supplier<Optional<String>> botUsername, FloodGuard flood) {
        this.commands = features.registry();
        this.callbacks = features.callbacks();
        this.flows = features.flows();
        this.textHandlers = features.textHandlers();
        this.eventHandlers = features.eventHandlers();
        this.messages = messages;
        this.languages = languages;
        this.members = members;
        this.conversations = conversations;
        this.roles = roles;
        this.sender = sender;
        this.botUsername = botUsername;
        this.flood = flood;
    }

    /**
     * Handles one update.
     *
     * @return what was done, for the inbox and the log; failed when the handler failed (the person has been told)
     */
    public HandlerOutcome route(Update update) {
        Incoming incoming = new Incoming(update, botUsername.get());
        Reply reply = new Reply(incoming, sender);
        Context context = null;
        try {
            Optional<HandlerOutcome> tooFast = holdBackFlood(incoming, reply);
            if (tooFast.isPresent()) {
                return tooFast.get();
            }
            Language language = languageOf(incoming);
            context = new Context(incoming, messages.in(language), reply, () -> roles.rolesOf(incoming.userId()));
            String outcome = dispatch(context);
            reply.finishCallback();
            return HandlerOutcome.handled(outcome);
        } catch (Exception | LinkageError e) {
            log.error("update {} ({}) failed", update.getUpdateId(), incoming.kind(), e);
            apologise(incoming, reply, context);
            return HandlerOutcome.failed(e.getClass().getSimpleName());
        }
    }

    /**
     * What a person asks of the bot (a private message, a button, an inline query, a command in a group) counts
     * against their burst; past it, the update is set aside, and the first one set aside gets "slow down" in a
     * private chat. Events (joins, member changes) never count: they are not the person asking.
     */
    private Optional<HandlerOutcome> holdBackFlood(Incoming incoming, Reply reply) {
        boolean asks = incoming.callback().isPresent() || incoming.update().hasInlineQuery()
                || incoming.message().isPresent() && (incoming.isPrivateChat() || incoming.command().isPresent());
        if (!asks || incoming.from().isEmpty()) {
            return Optional.empty();
        }
        FloodGuard.Verdict verdict = flood.admit(incoming.userId());
        if (verdict == FloodGuard.Verdict.ANSWER) {
            return Optional.empty();
        }
        if (verdict == FloodGuard.Verdict.DROP_AND_TELL && incoming.isPrivateChat()) {
            reply.send(messages.in(languageOf(incoming)).get("flood.slowDown"));
        }
        // a tap set aside is still answered (silently), or its button keeps spinning in the person's app
        reply.finishCallback();
        return Optional.of(HandlerOutcome.handled("dropped: too fast"));
    }

    private String dispatch(Context context) throws Exception {
        Incoming incoming = context.incoming();
        if (incoming.callback().isPresent()) {
            return onCallback(context);
        }
        if (incoming.message().isPresent()) {
            Optional<String> command = incoming.command();
            if (command.isPresent()) {
                return onCommand(context, command.get());
            }
            if (incoming.isPrivateChat()) {
                return onPrivateMessage(context);
            }
        }
        for (EventHandler handler : eventHandlers) {
            if (handler.accepts(incoming)) {
                handler.handle(context);
                return "event:" + handler.getClass().getSimpleName();
            }
        }
        return "ignored";
    }

    private String onCallback(Context context) throws Exception {
        Optional<CallbackData> data = CallbackData.parse(context.incoming().callbackData().orElse(null));
        CallbackAction action = data.map(d -> callbacks.get(d.feature())).orElse(null);
        if (action == null) {
            log.info("update {}: refused unknown button data", context.incoming().updateId());
            context.reply().alert(context.texts().plain("button.unknown"));
            return "callback:refused";
        }
        action.handle(context, data.get());
        return "callback:" + data.get().feature() + ":" + data.get().action();
    }

    private String onCommand(Context context, String name) throws Exception {
        Incoming incoming = context.incoming();
        Optional<Command> found = commands.find(name);
        boolean privateChat = incoming.isPrivateChat();
        if (found.isEmpty() || !fitsChat(found.get(), privateChat)) {
            if (privateChat) {
                context.reply().send(context.texts().get("command.unknown", "command", "/" + name));
                return "command:unknown";
            }
            if (found.isPresent()) {
                context.reply().send(context.texts().get("command.private.only", "command", "/" + name));
                return "command:wrong-chat";
            }
            return "ignored";
        }
        Command command = found.get();
        if (command.audience() != Role.EVERYONE && !context.has(command.audience())) {
            context.reply().send(context.texts().get(refusalKey(command.audience())));
            return "command:" + name + ":refused";
        }
        command.handle(context);
        return "command:" + name;
    }

    private static boolean fitsChat(Command command, boolean privateChat) {
        switch (command.where()) {
            case PRIVATE: return privateChat;
            case GROUP: return !privateChat;
            default: return true;
        }
    }

    private static String refusalKey(Role role) {
        switch (role) {
            case MEMBER: return "access.members.only";
            case STAFF: return "access.staff.only";
            case LEAD: return "access.leads.only";
            case REVIEWER: return "access.reviewers.only";
            default: return "access.moderators.only";
        }
    }

    private String onPrivateMessage(Context context) throws Exception {
        Incoming incoming = context.incoming();
        Optional<Conversation> conversation = conversations.find(incoming.chatId(), incoming.userId());
        if (conversation.isPresent()) {
            ConversationFlow flow = flows.get(conversation.get().flow());
            // a flow waiting for buttons does not swallow a typed question: it is answered, and the flow is left
            // as it is, so that its buttons still work
            boolean question = flow != null && incoming.text().isPresent() && !flow.awaitsText(conversation.get());
            if (flow != null && !question) {
                flow.onMessage(context, conversation.get());
                return "conversation:" + flow.flow();
            }
            if (flow == null) {
                log.warn("update {}: conversation of unknown flow {} dropped", incoming.updateId(),
                        conversation.get().flow());
                conversations.delete(incoming.chatId(), incoming.userId());
            }
        }
        if (incoming.text().isPresent()) {
            for (TextHandler handler : textHandlers) {
                if (handler.handle(context)) {
                    return "text:" + handler.getClass().getSimpleName();
                }
            }
            context.reply().send(context.texts().get("fallback.text"));
            return "text:not-understood";
        }
        context.reply().send(context.texts().get("fallback.other"));
        return "message:not-understood";
    }

    /** The person's language; someone writing privately for the first time is remembered with it. */
    private Language languageOf(Incoming incoming) {
        long userId = incoming.userId();
        if (userId == 0) {
            return languages.fallback();
        }
        Optional<Member> member = members.findByTelegramId(userId);
        if (incoming.isPrivateChat() && incoming.from().isPresent() && (member.isEmpty()
                || !member.get().firstName().equals(incoming.firstName())
                || !member.get().username().equals(incoming.username())
                || member.get().unreachableAt().isPresent())) {
            Language first = Language.firstDefault(incoming.telegramLanguage(), languages.fallback());
            member = Optional.of(members.recordContact(userId, incoming.firstName(), incoming.username(), first.code()));
        }
        return member.flatMap(m -> Language.fromCode(m.language()))
                .orElseGet(() -> Language.firstDefault(incoming.telegramLanguage(), languages.fallback()));
    }

    private void apologise(Incoming incoming, Reply reply, Context context) {
        try {
            Texts texts = context != null ? context.texts() : messages.in(languages.fallback());
            if (incoming.callback().isPresent()) {
                reply.alert(texts.plain("error.apology"));
            } else if (incoming.message().isPresent() && (incoming.isPrivateChat() || incoming.command().isPresent())) {
                reply.send(texts.get("error.apology"));
            }
        } catch (RuntimeException e) {
            log.warn("update {}: could not apologise: {}", incoming.updateId(), e.toString());
        }
    }
}
