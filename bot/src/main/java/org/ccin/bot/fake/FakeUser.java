package org.ccin.bot.fake;

/** A Telegram user as the fake knows them. */
public record FakeUser(long id, String firstName, String username, String languageCode) {

    public static FakeUser of(long id, String firstName) {
        return new FakeUser(id, firstName, null, "en");
    }

    public FakeUser withLanguage(String code) {
        return new FakeUser(id, firstName, username, code);
    }

    public FakeUser withUsername(String name) {
        return new FakeUser(id, firstName, name, languageCode);
    }
}
