package org.ccin.bot.fakeapi;

import java.util.Objects;

/**
 * A Telegram user of the fake world. Absent optional fields are empty strings, as they are left out of the JSON.
 *
 * @param languageCode the IETF language tag of the user's client, e.g. {@code en}; empty when unknown
 */
public record FakeUser(long id, String firstName, String lastName, String username, String languageCode) {

    public FakeUser {
        if (id <= 0) {
            throw new IllegalArgumentException("a user id is positive: " + id);
        }
        if (firstName == null || firstName.isBlank()) {
            throw new IllegalArgumentException("a user has a first name");
        }
        lastName = Objects.requireNonNullElse(lastName, "");
        username = Objects.requireNonNullElse(username, "");
        languageCode = Objects.requireNonNullElse(languageCode, "");
    }

    /** A user with only a first name, whose client speaks English. */
    public static FakeUser of(long id, String firstName) {
        return new FakeUser(id, firstName, "", "", "en");
    }

    public FakeUser withLastName(String value) {
        return new FakeUser(id, firstName, value, username, languageCode);
    }

    public FakeUser withUsername(String value) {
        return new FakeUser(id, firstName, lastName, value, languageCode);
    }

    public FakeUser withLanguage(String value) {
        return new FakeUser(id, firstName, lastName, username, value);
    }
}
