package org.ccin.bot.fakeapi;

/** The status of a chat member, named as in the Bot API's {@code ChatMember.status}. */
public enum MemberStatus {
    CREATOR("creator"),
    ADMINISTRATOR("administrator"),
    MEMBER("member"),
    RESTRICTED("restricted"),
    LEFT("left"),
    KICKED("kicked");

    private final String apiName;

    MemberStatus(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    /** True for statuses that count the user in the chat (a restricted user still is a member). */
    public boolean isInChat() {
        return this != LEFT && this != KICKED;
    }

    public boolean isAdmin() {
        return this == CREATOR || this == ADMINISTRATOR;
    }
}
