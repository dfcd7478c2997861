package org.ccin.bot.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ccin.bot.routing.ButtonSetAssertions.assertRoundTrips;

import java.util.List;
import org.ccin.bot.routing.CallbackData;
import org.junit.jupiter.api.Test;

/** The /language buttons fit in Telegram's 64 bytes, read back as themselves, and data sent before still reads. */
class LanguageButtonTest {
    @Test
    void everyButtonFitsAndReadsBack() {
        assertRoundTrips(LanguageButton.SET, List.of(new LanguageButton.Choose("cy")));
    }

    @Test
    void dataAlreadySentReadsAsTheSameButton() {
        assertThat(CallbackData.parse("lang:set:en").flatMap(LanguageButton.SET::read))
                .contains(new LanguageButton.Choose("en"));
    }

    @Test
    void aButtonOfAnotherFeatureIsNoLanguageButton() {
        assertThat(CallbackData.parse("fm:yes:abc").flatMap(LanguageButton.SET::read)).isEmpty();
    }
}
