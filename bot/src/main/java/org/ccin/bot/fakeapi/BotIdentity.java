package org.ccin.bot.fakeapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Who the bot is: its user id is the number before the ':' of its token, as with real tokens. */
record BotIdentity(long id, String firstName, String username) {

    static BotIdentity fromToken(String token, String firstName, String username) {
        int colon = token.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("a bot token looks like 123456:secret, not " + token);
        }
        try {
            return new BotIdentity(Long.parseLong(token.substring(0, colon)), firstName, username);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a bot token starts with the bot's numeric id: " + token, e);
        }
    }

    /** The bot as a {@code User}, the way {@code getMe} and message senders show it. */
    ObjectNode toJson() {
        return Json.object().put("id", id).put("is_bot", true).put("first_name", firstName).put("username", username);
    }

    /** {@code getMe} adds the bot's capabilities. */
    ObjectNode toGetMeJson() {
        return toJson().put("can_join_groups", true).put("can_read_all_group_messages", false)
                .put("supports_inline_queries", true).put("can_connect_to_business", false)
                .put("has_main_web_app", false);
    }
}
