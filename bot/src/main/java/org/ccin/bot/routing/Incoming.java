package org.ccin.bot.routing;

import java.util.Locale;
import java.util.Optional;
import org.ccin.bot.telegram.UpdateKind;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.chat.Chat;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A read-only view of one update with the questions handlers ask of it: who, which chat, which command, which
 * button. Immutable.
 */
public final class Incoming {
    private final Update update;
    private final Optional<String> botUsername;

    public Incoming(Update update, Optional<String> botUsername) {
        this.update = update;
        this.botUsername = botUsername;
    }

    public Update update() {
        return update;
    }

    public long updateId() {
        return update.getUpdateId();
    }

    /** The message of a message update (new messages only; edits are {@link #editedMessage()}). */
    public Optional<Message> message() {
        return Optional.ofNullable(update.getMessage());
    }

    public Optional<Message> editedMessage() {
        return Optional.ofNullable(update.getEditedMessage());
    }

    public Optional<CallbackQuery> callback() {
        return Optional.ofNullable(update.getCallbackQuery());
    }

    /** Who sent the update, when anyone did. */
    public Optional<User> from() {
        if (update.hasMessage()) {
            return Optional.ofNullable(update.getMessage().getFrom());
        }
        if (update.hasCallbackQuery()) {
            return Optional.ofNullable(update.getCallbackQuery().getFrom());
        }
        if (update.hasEditedMessage()) {
            return Optional.ofNullable(update.getEditedMessage().getFrom());
        }
        if (update.hasInlineQuery()) {
            return Optional.ofNullable(update.getInlineQuery().getFrom());
        }
        if (update.hasChatJoinRequest()) {
            return Optional.ofNullable(update.getChatJoinRequest().getUser());
        }
        if (update.hasChatMember()) {
            return Optional.ofNullable(update.getChatMember().getFrom());
        }
        if (update.hasMyChatMember()) {
            return Optional.ofNullable(update.getMyChatMember().getFrom());
        }
        return Optional.empty();
    }

    /** The sender's Telegram user id, or 0 when the update has no sender. */
    public long userId() {
        return from().map(User::getId).orElse(0L);
    }

    public String firstName() {
        return from().map(User::getFirstName).orElse("");
    }

    public Optional<String> username() {
        return from().map(User::getUserName).filter(u -> !u.isBlank());
    }

    /** The language the sender's Telegram app is set to, if it says. */
    public String telegramLanguage() {
        return from().map(User::getLanguageCode).orElse("");
    }

    /** The chat the update happened in (a callback's chat is that of the message holding the button). */
    public Optional<Chat> chat() {
        if (update.hasMessage()) {
            return Optional.ofNullable(update.getMessage().getChat());
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getMessage() != null) {
            return Optional.ofNullable(update.getCallbackQuery().getMessage().getChat());
        }
        if (update.hasEditedMessage()) {
            return Optional.ofNullable(update.getEditedMessage().getChat());
        }
        if (update.hasChatMember()) {
            return Optional.ofNullable(update.getChatMember().getChat());
        }
        if (update.hasMyChatMember()) {
            return Optional.ofNullable(update.getMyChatMember().getChat());
        }
        if (update.hasChatJoinRequest()) {
            return Optional.ofNullable(update.getChatJoinRequest().getChat());
        }
        return Optional.empty();
    }

    /** The chat id, or for a callback on a message we cannot see, the sender's private chat. */
    public long chatId() {
        return chat().map(Chat::getId).orElse(userId());
    }

    public boolean isPrivateChat() {
        return chat().map(c -> "private".equals(c.getType())).orElse(update.hasCallbackQuery());
    }

    /** The forum topic the message is in, so that answers go to the same topic. */
    public Optional<Integer> threadId() {
        return message().filter(m -> Boolean.TRUE.equals(m.getIsTopicMessage()))
                .map(Message::getMessageThreadId);
    }

    /** The text of a new message. */
    public Optional<String> text() {
        return message().map(Message::getText).filter(t -> !t.isEmpty());
    }

    /**
     * The command of a message, lower case, without slash: "start" for "/start" or "/start@ccin_bot payload".
     * A command addressed to another bot ("/start@other_bot") is not ours and gives none.
     */
    public Optional<String> command() {
        return text().filter(t -> t.startsWith("/") && t.length() > 1).flatMap(t -> {
            String first = t.split("\\s+", 2)[0].substring(1);
            int at = first.indexOf('@');
            if (at >= 0) {
                String addressee = first.substring(at + 1);
                if (botUsername.isPresent() && !botUsername.get().equalsIgnoreCase(addressee)) {
                    return Optional.empty();
                }
                first = first.substring(0, at);
            }
            return first.isEmpty() ? Optional.empty() : Optional.of(first.toLowerCase(Locale.ROOT));
        });
    }

    /** What follows the command, trimmed; empty when nothing does. */
    public String commandArguments() {
        return text().map(t -> {
            String[] parts = t.trim().split("\\s+", 2);
            return parts.length > 1 ? parts[1].trim() : "";
        }).orElse("");
    }

    public Optional<String> callbackData() {
        return callback().map(CallbackQuery::getData);
    }

    /** The id of the message that holds the tapped button, when Telegram still shows it to us. */
    public Optional<Integer> callbackMessageId() {
        return callback().map(CallbackQuery::getMessage).map(MaybeInaccessibleMessage::getMessageId);
    }

    /** What kind of update this is, for logs: message, callback_query, … */
    public String kind() {
        return UpdateKind.of(update);
    }
}
