package org.ccin.bot.fakeapi;

/** The type of a chat, with the words Telegram uses for it in error descriptions. */
enum ChatKind {
    PRIVATE("private", "private chat"),
    GROUP("group", "group chat"),
    SUPERGROUP("supergroup", "supergroup chat"),
    CHANNEL("channel", "channel chat");

    private final String apiName;
    private final String words;

    ChatKind(String apiName, String words) {
        this.apiName = apiName;
        this.words = words;
    }

    String apiName() {
        return apiName;
    }

    /** As in "bot was kicked from the supergroup chat". */
    String words() {
        return words;
    }

    boolean isGroup() {
        return this == GROUP || this == SUPERGROUP;
    }
}
