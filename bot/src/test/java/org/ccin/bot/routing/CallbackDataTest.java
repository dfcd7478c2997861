package org.ccin.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CallbackDataTest {
    @Test
    @DisplayName("Button data round-trips through its text form")
    void roundTrip() {
        CallbackData data = CallbackData.of("grp", "join", 12);

        assertThat(data.encode()).isEqualTo("grp:join:12");
        assertThat(CallbackData.parse("grp:join:12")).contains(data);
        assertThat(CallbackData.parse("grp:join:12").orElseThrow().number(0)).contains(12L);
    }

    @Test
    @DisplayName("Forged or malformed data is not parsed: wrong shape, odd characters, too long, empty parts")
    void forgedDataIsRefused() {
        assertThat(CallbackData.parse(null)).isEmpty();
        assertThat(CallbackData.parse("")).isEmpty();
        assertThat(CallbackData.parse("nonsense")).isEmpty();
        assertThat(CallbackData.parse("grp::12")).isEmpty();
        assertThat(CallbackData.parse("grp:join:1 OR 1=1")).isEmpty();
        assertThat(CallbackData.parse("grp:join:<script>")).isEmpty();
        assertThat(CallbackData.parse("grp:join:" + "9".repeat(60))).isEmpty();
        assertThat(CallbackData.parse("grp:join:💥")).isEmpty();
    }

    @Test
    @DisplayName("A non-numeric argument gives no number rather than an exception")
    void numbers() {
        CallbackData data = new CallbackData("grp", "join", List.of("abc"));

        assertThat(data.number(0)).isEmpty();
        assertThat(data.number(5)).isEmpty();
    }

    @Test
    @DisplayName("Building data over Telegram's 64 bytes is a programming error caught at once")
    void tooLong() {
        CallbackData data = CallbackData.of("feature", "action", "a".repeat(40), "b".repeat(20));

        assertThatThrownBy(data::encode).isInstanceOf(IllegalArgumentException.class);
    }
}
