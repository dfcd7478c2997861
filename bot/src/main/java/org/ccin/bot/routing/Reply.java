package org.ccin.bot.routing;

import java.io.Serializable;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.ccin.bot.telegram.Lane;
import org.ccin.bot.telegram.SendException;
import org.ccin.bot.telegram.Sender;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.AnswerInlineQuery;
import org.telegram.telegrambots.meta.api.methods.ParseMode;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.LinkPreviewOptions;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * Answers to one update, sent through the interactive lane: to the same chat and forum topic, as an edit of the
 * message whose button was tapped, or as the pop-up answer of a button. Every text is HTML. Not thread-safe: one
 * handler uses it.
 */
public final class Reply {
    private final Incoming incoming;
    private final Sender sender;
    private boolean callbackAnswered;

    public Reply(Incoming incoming, Sender sender) {
        this.incoming = incoming;
        this.sender = sender;
    }

    /** A new message in the chat of the update (in its forum topic, if any). */
    public CompletableFuture<Message> send(String html) {
        return send(html, null);
    }

    public CompletableFuture<Message> send(String html, InlineKeyboardMarkup keyboard) {
        return sendTo(incoming.chatId(), incoming.threadId(), html, keyboard);
    }

    /** A message to another chat, e.g. privately to the person who acted in a group. */
    public CompletableFuture<Message> sendTo(long chatId, Optional<Integer> threadId, String html,
                                             InlineKeyboardMarkup keyboard) {
        SendMessage message = SendMessage.builder().chatId(chatId).text(html).parseMode(ParseMode.HTML)
                .linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .messageThreadId(threadId.orElse(null)).replyMarkup(keyboard).build();
        return sender.send(Lane.INTERACTIVE, chatId, message);
    }

    /** Replaces the text and buttons of one of the bot's messages in this chat; "not modified" is not an error. */
    public CompletableFuture<Serializable> edit(int messageId, String html, InlineKeyboardMarkup keyboard) {
        EditMessageText edit = EditMessageText.builder().chatId(incoming.chatId()).messageId(messageId).text(html)
                .parseMode(ParseMode.HTML).linkPreviewOptions(LinkPreviewOptions.builder().isDisabled(true).build())
                .replyMarkup(keyboard).build();
        return sender.send(Lane.INTERACTIVE, incoming.chatId(), edit).exceptionally(error -> {
            if (error.getCause() instanceof SendException && ((SendException) error.getCause()).isNotModified()
                    || error instanceof SendException && ((SendException) error).isNotModified()) {
                return Boolean.TRUE;
            }
            throw error instanceof RuntimeException ? (RuntimeException) error : new IllegalStateException(error);
        });
    }

    /** Edits the message whose button was tapped; for a typed message, sends a new one instead. */
    public CompletableFuture<? extends Serializable> show(String html, InlineKeyboardMarkup keyboard) {
        Optional<Integer> messageId = incoming.callbackMessageId();
        if (messageId.isPresent()) {
            return edit(messageId.get(), html, keyboard);
        }
        return send(html, keyboard);
    }

    /** The small pop-up answer to a tapped button. Each tap is answered once. */
    public void answer(String plainText) {
        answer(plainText, false);
    }

    /** An answer the person must dismiss, for refusals they need to read. */
    public void alert(String plainText) {
        answer(plainText, true);
    }

    private void answer(String plainText, boolean alert) {
        if (callbackAnswered || incoming.callback().isEmpty()) {
            return;
        }
        callbackAnswered = true;
        AnswerCallbackQuery answer = AnswerCallbackQuery.builder().callbackQueryId(incoming.callback().get().getId())
                .text(plainText.isEmpty() ? null : plainText).showAlert(alert).build();
        sender.call(Lane.INTERACTIVE, answer);
    }

    /** Answers an inline query (someone typed "@bot words" in a chat). */
    public CompletableFuture<Boolean> answerInline(AnswerInlineQuery answer) {
        return sender.call(Lane.INTERACTIVE, answer);
    }

    /** Stops the tapped button's spinner if the handler gave no answer of its own. */
    void finishCallback() {
        answer("");
    }
}
