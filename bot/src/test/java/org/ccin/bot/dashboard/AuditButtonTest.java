package org.ccin.bot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.routing.CallbackData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditButtonTest {
    @Test
    @DisplayName("An audit page's button with every filter, at realistic lengths, fits in 64 bytes and reads back")
    void longestPageButtonRoundTrips() {
        // a page far into the log, a group id of many digits, a Telegram id of today's longest, the longest kind
        AuditButton.Page page = new AuditButton.Page(1_000_000, 999_999, 9_999_999_999_999L, "organisation");
        CallbackData data = CallbackData.parse(AuditButton.SET.data(page).encode()).orElseThrow();
        assertThat(AuditButton.SET.read(data)).contains(page);
        assertThat(AuditButton.SET.read(CallbackData.parse("aud:p:0:0:0:-").orElseThrow()))
                .contains(new AuditButton.Page(0, 0, 0, "-"));
    }
}
