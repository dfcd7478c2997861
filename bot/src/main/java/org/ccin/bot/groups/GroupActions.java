package org.ccin.bot.groups;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.SendException;
import org.ccin.bot.telegram.Sender;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.GroupStatus;
import org.ccin.store.groups.MembershipStatus;
import org.ccin.store.members.MemberRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.groupadministration.ApproveChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.BanChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.CreateChatInviteLink;
import org.telegram.telegrambots.meta.api.methods.groupadministration.DeclineChatJoinRequest;
import org.telegram.telegrambots.meta.api.methods.groupadministration.RestrictChatMember;
import org.telegram.telegrambots.meta.api.methods.groupadministration.UnbanChatMember;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.DeleteMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ChatInviteLink;
import org.telegram.telegrambots.meta.api.objects.ChatPermissions;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * What the bot does to a group in Telegram (approve, decline, invite links, remove, mute) and in private chats
 * (writing to a person), with the records kept in step. Waits for Telegram's answer where the next step depends on
 * it. Thread-safe.
 */
public final class GroupActions {
    private static final Logger log = LoggerFactory.getLogger(GroupActions.class);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Groups groups;
    private final MemberRepository members;
    private final Sender sender;
    private final Clock clock;

    public GroupActions(Groups groups, MemberRepository members, Sender sender, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.sender = sender;
        this.clock = clock;
    }

    /** The result of a call: done, or Telegram's refusal. */
    public record Outcome(boolean done, Optional<SendException> failure) {
        static final Outcome DONE = new Outcome(true, Optional.empty());

        boolean forbidden() {
            return failure.map(f -> f.reason() == SendException.Reason.FORBIDDEN).orElse(false);
        }

        /** Telegram said there is no such message (deleted already, by someone or by its author). */
        boolean messageGone() {
            return failure.map(f -> String.valueOf(f.getMessage()).contains("message to delete not found"))
                    .orElse(false);
        }
    }

    Outcome approve(ChatGroup group, long userId) {
        Outcome outcome = call(ApproveChatJoinRequest.builder().chatId(group.chatId().orElseThrow()).userId(userId)
                .build(), group);
        if (outcome.done()) {
            groups.memberships().joined(group.id(), userId);
        }
        return outcome;
    }

    Outcome decline(ChatGroup group, long userId) {
        return call(DeclineChatJoinRequest.builder().chatId(group.chatId().orElseThrow()).userId(userId).build(), group);
    }

    /** A link just for this person, which creates a join request and stops working soon. */
    Optional<String> personalLink(ChatGroup group, long userId, Duration lifetime) {
        Instant expires = clock.instant().plus(lifetime);
        CreateChatInviteLink create = CreateChatInviteLink.builder().chatId(group.chatId().orElseThrow())
                .createsJoinRequest(true).expireDate((int) expires.getEpochSecond()).name("ccin " + userId).build();
        try {
            ChatInviteLink link = sender.call(Lane.INTERACTIVE, create).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (link == null) {
                log.warn("no invite link for group {}: Telegram's answer could not be read", group.code());
                return Optional.empty();
            }
            groups.joinRequests().saveLink(link.getInviteLink(), group.id(), userId, expires);
            return Optional.of(link.getInviteLink());
        } catch (ExecutionException e) {
            log.warn("no invite link for group {}: {}", group.code(), e.getCause().getMessage());
            noteMigration(group, e.getCause());
            return Optional.empty();
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return Optional.empty();
        }
    }

    /** Takes someone out of the group without banning them for good: they may rejoin later. */
    public Outcome remove(ChatGroup group, long userId, MembershipStatus status, String reason) {
        long chat = group.chatId().orElseThrow();
        Outcome ban = call(BanChatMember.builder().chatId(chat).userId(userId)
                .untilDate((int) clock.instant().plusSeconds(60).getEpochSecond()).build(), group);
        if (ban.done()) {
            call(UnbanChatMember.builder().chatId(chat).userId(userId).onlyIfBanned(true).build(), group);
            groups.memberships().ended(group.id(), userId, status, reason);
        }
        return ban;
    }

    Outcome mute(ChatGroup group, long userId, Duration duration) {
        return call(RestrictChatMember.builder().chatId(group.chatId().orElseThrow()).userId(userId)
                .permissions(ChatPermissions.builder().canSendMessages(false).canSendOtherMessages(false).build())
                .untilDate((int) clock.instant().plus(duration).getEpochSecond()).build(), group);
    }

    /**
     * Writes to someone privately. A person who blocked the bot is marked unreachable.
     *
     * @return true when the message arrived
     */
    boolean tell(long userId, String html, InlineKeyboardMarkup keyboard) {
        SendMessage message = SendMessage.builder().chatId(userId).text(html).parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).replyMarkup(keyboard).build();
        try {
            sender.send(Lane.INTERACTIVE, userId, message).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SendException
                    && ((SendException) e.getCause()).reason() == SendException.Reason.FORBIDDEN) {
                members.markUnreachable(userId);
            }
            log.info("could not write to {}: {}", userId, e.getCause().getMessage());
            return false;
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    /** Writes to someone without waiting (notices to many people, alerts). */
    void tellLater(long userId, String html, InlineKeyboardMarkup keyboard) {
        SendMessage message = SendMessage.builder().chatId(userId).text(html).parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).replyMarkup(keyboard).build();
        sender.send(Lane.INTERACTIVE, userId, message).exceptionally(error -> {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            if (cause instanceof SendException && ((SendException) cause).reason() == SendException.Reason.FORBIDDEN) {
                members.markUnreachable(userId);
            }
            return null;
        });
    }

    /** Deletes a message from the group (the bot needs the right to delete messages for other people's). */
    Outcome deleteMessage(ChatGroup group, int messageId) {
        return call(DeleteMessage.builder().chatId(group.chatId().orElseThrow()).messageId(messageId).build(), group);
    }

    /** Writes to someone without waiting; the message, once Telegram has it (empty when it could not be sent). */
    CompletableFuture<Optional<Message>> post(long userId, String html, InlineKeyboardMarkup keyboard) {
        SendMessage message = SendMessage.builder().chatId(userId).text(html).parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build()).replyMarkup(keyboard).build();
        return sender.send(Lane.INTERACTIVE, userId, message).thenApply(Optional::of).exceptionally(error -> {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            if (cause instanceof SendException && ((SendException) cause).reason() == SendException.Reason.FORBIDDEN) {
                members.markUnreachable(userId);
            }
            log.info("could not write to {}: {}", userId, cause.getMessage());
            return Optional.empty();
        });
    }

    /** Replaces the text and buttons of one of the bot's private messages, without waiting. */
    void editLater(long chatId, int messageId, String html, InlineKeyboardMarkup keyboard) {
        EditMessageText edit = EditMessageText.builder().chatId(chatId).messageId(messageId).text(html)
                .parseMode(ParseMode.HTML).linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard).build();
        sender.send(Lane.INTERACTIVE, chatId, edit).exceptionally(error -> {
            Throwable cause = error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof SendException && ((SendException) cause).isNotModified())) {
                log.info("could not update message {} in chat {}: {}", messageId, chatId, cause.getMessage());
            }
            return null;
        });
    }

    private <T extends java.io.Serializable> Outcome call(
            org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod<T> method, ChatGroup group) {
        CompletableFuture<T> result = sender.call(Lane.INTERACTIVE, method);
        try {
            result.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return Outcome.DONE;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            log.warn("{} in group {} failed: {}", method.getMethod(), group.code(), cause.getMessage());
            noteMigration(group, cause);
            if (cause instanceof SendException && ((SendException) cause).reason() == SendException.Reason.FORBIDDEN) {
                // the bot is no longer in the group
                groups.catalogue().setStatus(group.id(), GroupStatus.BOT_REMOVED);
            }
            return new Outcome(false, cause instanceof SendException ? Optional.of((SendException) cause)
                    : Optional.empty());
        } catch (InterruptedException | TimeoutException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return new Outcome(false, Optional.empty());
        }
    }

    /** Telegram says the group became a supergroup with a new id: follow it. */
    private void noteMigration(ChatGroup group, Throwable cause) {
        if (cause instanceof SendException && ((SendException) cause).migrateToChatId().isPresent()) {
            long newId = ((SendException) cause).migrateToChatId().get();
            groups.catalogue().migrate(group.chatId().orElseThrow(), newId);
            log.info("group {} moved to chat {}", group.code(), newId);
        }
    }
}
