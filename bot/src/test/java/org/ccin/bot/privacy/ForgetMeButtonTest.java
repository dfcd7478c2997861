package org.ccin.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccin.bot.routing.ButtonSetAssertions.assertRoundTrips;

import java.util.List;
import org.ccin.bot.routing.CallbackData;
import org.junit.jupiter.api.Test;

/**
 * The /forgetme buttons, with a one-time id as Confirmations issues them (16 characters of URL-safe Base64), fit
 * in Telegram's 64 bytes and read back as themselves; the old id-less "fm:yes" reads as no button, so a forged or
 * pre-confirmation tap cannot erase anyone.
 */
class ForgetMeButtonTest {
    private static final String REQUEST = "AbCdEfGhIjKlMn-_";

    @Test
    void everyButtonFitsAndReadsBack() {
        assertRoundTrips(ForgetMeButton.SET, List.of(new ForgetMeButton.Yes(REQUEST), new ForgetMeButton.No(REQUEST)));
    }

    @Test
    void aYesWithoutItsRequestIsNoButton() {
        assertThat(CallbackData.parse("fm:yes").flatMap(ForgetMeButton.SET::read)).isEmpty();
        assertThat(CallbackData.parse("fm:erase:" + REQUEST).flatMap(ForgetMeButton.SET::read)).isEmpty();
    }
}
