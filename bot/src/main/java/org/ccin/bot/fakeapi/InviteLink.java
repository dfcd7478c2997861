package org.ccin.bot.fakeapi;

/**
 * An invite link the bot created with {@code createChatInviteLink}.
 *
 * @param expireDate  Unix time when the link expires, 0 for never
 * @param memberLimit how many users may join through it, 0 for no limit
 */
public record InviteLink(String inviteLink, long chatId, String name, boolean createsJoinRequest, long expireDate,
                         int memberLimit, boolean revoked) {

    InviteLink revoke() {
        return new InviteLink(inviteLink, chatId, name, createsJoinRequest, expireDate, memberLimit, true);
    }
}
