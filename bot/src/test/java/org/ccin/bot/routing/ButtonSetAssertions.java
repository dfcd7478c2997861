package org.ccin.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What every feature's button-set test checks the same way. */
public final class ButtonSetAssertions {
    private ButtonSetAssertions() {
    }

    /**
     * Each button, given at its longest, fits in Telegram's 64 bytes and reads back as itself; and the list holds
     * one of every button of the set, so a button added to the set must be added to its test too.
     */
    public static <B> void assertRoundTrips(ButtonSet<B> set, List<? extends B> buttons) {
        Set<Class<?>> covered = new HashSet<>();
        for (B button : buttons) {
            String data = set.data(button).encode();
            assertThat(data.getBytes(StandardCharsets.UTF_8).length).as(data)
                    .isLessThanOrEqualTo(CallbackData.MAX_BYTES);
            assertThat(CallbackData.parse(data).flatMap(set::read)).as(data).contains(button);
            covered.add(button.getClass());
        }
        assertThat(covered).as("the buttons of " + set.feature()).isEqualTo(Set.copyOf(set.buttons()));
    }
}
