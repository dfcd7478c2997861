package org.ccin.bot.fakeapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** One chat of the fake world with its members and messages; guarded by the {@link World}'s lock. */
final class ChatState {
    private final long id;
    private final ChatKind kind;
    private final String title;
    private final boolean forum;
    private final Map<Long, Membership> members = new LinkedHashMap<>();
    private final NavigableMap<Integer, FakeMessage> messages = new TreeMap<>();
    private final Map<String, InviteLink> inviteLinks = new LinkedHashMap<>();
    /** user id -> the invite link they used, or "" when they asked without one */
    private final Map<Long, String> pendingJoinRequests = new LinkedHashMap<>();
    private int lastMessageId;
    private long migratedTo;

    ChatState(long id, ChatKind kind, String title, boolean forum) {
        this.id = id;
        this.kind = kind;
        this.title = title;
        this.forum = forum;
    }

    long id() {
        return id;
    }

    ChatKind kind() {
        return kind;
    }

    String title() {
        return title;
    }

    boolean forum() {
        return forum;
    }

    /** Message ids count up per chat, shared by the bot's messages and the users'. */
    int nextMessageId() {
        return ++lastMessageId;
    }

    Optional<Membership> member(long userId) {
        return Optional.ofNullable(members.get(userId));
    }

    void setMember(Membership membership) {
        members.put(membership.userId(), membership);
    }

    List<Membership> members() {
        return new ArrayList<>(members.values());
    }

    Optional<FakeMessage> message(int messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    void putMessage(FakeMessage message) {
        messages.put(message.messageId(), message);
    }

    boolean removeMessage(int messageId) {
        return messages.remove(messageId) != null;
    }

    List<FakeMessage> messages() {
        return new ArrayList<>(messages.values());
    }

    Map<String, InviteLink> inviteLinks() {
        return inviteLinks;
    }

    Map<Long, String> pendingJoinRequests() {
        return pendingJoinRequests;
    }

    /** The supergroup this basic group became, 0 while it was not upgraded. */
    long migratedTo() {
        return migratedTo;
    }

    void migrateTo(long supergroupId) {
        migratedTo = supergroupId;
    }
}
