package org.ccin.bot.telegram;

import org.telegram.telegrambots.meta.api.objects.Update;

/** The field of an update that is set, named as in the Bot API; used in logs, the inbox and metrics. */
public final class UpdateKind {
    private UpdateKind() {
    }

    public static String of(Update update) {
        if (update.hasMessage()) {
            return "message";
        }
        if (update.hasCallbackQuery()) {
            return "callback_query";
        }
        if (update.hasEditedMessage()) {
            return "edited_message";
        }
        if (update.hasInlineQuery()) {
            return "inline_query";
        }
        if (update.hasChosenInlineQuery()) {
            return "chosen_inline_result";
        }
        if (update.hasChatJoinRequest()) {
            return "chat_join_request";
        }
        if (update.hasChatMember()) {
            return "chat_member";
        }
        if (update.hasMyChatMember()) {
            return "my_chat_member";
        }
        if (update.hasChannelPost()) {
            return "channel_post";
        }
        if (update.hasEditedChannelPost()) {
            return "edited_channel_post";
        }
        return "other";
    }

    /**
     * Whose updates must be handled in order: the chat's for chat events; the person's for join requests and
     * inline queries, which the bot answers in that person's private chat.
     */
    public static long orderingKey(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            return query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasChannelPost()) {
            return update.getChannelPost().getChatId();
        }
        if (update.hasEditedChannelPost()) {
            return update.getEditedChannelPost().getChatId();
        }
        if (update.hasInlineQuery()) {
            return update.getInlineQuery().getFrom().getId();
        }
        if (update.hasChosenInlineQuery()) {
            return update.getChosenInlineQuery().getFrom().getId();
        }
        if (update.hasChatJoinRequest()) {
            return update.getChatJoinRequest().getUser().getId();
        }
        if (update.hasChatMember()) {
            return update.getChatMember().getChat().getId();
        }
        if (update.hasMyChatMember()) {
            return update.getMyChatMember().getChat().getId();
        }
        return 0;
    }
}
