package org.ccin.store.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.ccin.config.ManualClock;
import org.ccin.store.Store;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebLoginsTest {
    private static final long STAFF = 1001;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(TestStores.START);
    private Store store;
    private WebLogins logins;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, clock);
        logins = store.webLogins();
    }

    @Test
    @DisplayName("A login link opens one session, for the person it was made for, with its own form token")
    void aLinkOpensOneSession() {
        String token = logins.createToken(STAFF, Duration.ofMinutes(10));
        assertThat(logins.isValid(token)).isTrue();

        String session = logins.redeem(token, Duration.ofHours(8)).orElseThrow();

        WebLogins.Session opened = logins.session(session).orElseThrow();
        assertThat(opened.telegramUserId()).isEqualTo(STAFF);
        assertThat(opened.csrf()).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(token).isNotEqualTo(session);
    }

    @Test
    @DisplayName("A link works once: a second use and a check after use open nothing")
    void aLinkWorksOnce() {
        String token = logins.createToken(STAFF, Duration.ofMinutes(10));
        logins.redeem(token, Duration.ofHours(8)).orElseThrow();

        assertThat(logins.isValid(token)).isFalse();
        assertThat(logins.redeem(token, Duration.ofHours(8))).isEmpty();
    }

    @Test
    @DisplayName("A link expires unused; a session expires and ends at logout")
    void linksAndSessionsExpire() {
        String unused = logins.createToken(STAFF, Duration.ofMinutes(10));
        String session = logins.redeem(logins.createToken(STAFF, Duration.ofMinutes(10)), Duration.ofHours(8))
                .orElseThrow();
        clock.advance(Duration.ofMinutes(11));
        assertThat(logins.redeem(unused, Duration.ofHours(8))).isEmpty();
        assertThat(logins.session(session)).isPresent();

        clock.advance(Duration.ofHours(8));
        assertThat(logins.session(session)).isEmpty();

        String another = logins.redeem(logins.createToken(STAFF, Duration.ofMinutes(10)), Duration.ofHours(8))
                .orElseThrow();
        logins.endSession(another);
        assertThat(logins.session(another)).isEmpty();
    }

    @Test
    @DisplayName("Unknown, blank and missing ids open nothing, and the database keeps only hashes")
    void unknownIdsOpenNothing() {
        String token = logins.createToken(STAFF, Duration.ofMinutes(10));
        String session = logins.redeem(token, Duration.ofHours(8)).orElseThrow();

        assertThat(logins.redeem("not-a-token", Duration.ofHours(8))).isEmpty();
        assertThat(logins.session("not-a-session")).isEmpty();
        assertThat(logins.session("")).isEmpty();
        assertThat(logins.session(null)).isEmpty();
        int plain = store.database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM web_login_tokens t, "
                + "web_sessions s WHERE t.token_hash = :token OR s.session_hash = :session").bind("token", token)
                .bind("session", session).mapTo(Integer.class).one());
        assertThat(plain).isZero();
    }
}
