package org.ccin.bot.fakeapi;

/** A user of the fake world and how the bot may reach them; guarded by the {@link World}'s lock. */
final class UserState {
    private FakeUser user;
    /** Telegram lets a bot write to a user only after the user started it (or asked to join a chat). */
    private boolean reachable;
    private boolean blockedBot;
    private boolean deactivated;

    UserState(FakeUser user) {
        this.user = user;
    }

    FakeUser user() {
        return user;
    }

    void update(FakeUser newDetails) {
        this.user = newDetails;
    }

    boolean reachable() {
        return reachable;
    }

    void markReachable() {
        reachable = true;
    }

    boolean blockedBot() {
        return blockedBot;
    }

    void blockedBot(boolean value) {
        blockedBot = value;
    }

    boolean deactivated() {
        return deactivated;
    }

    void deactivate() {
        deactivated = true;
    }
}
