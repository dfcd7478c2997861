package org.ccin.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ccin.store.conversations.Conversation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A button prefix and a flow name belong to one feature: a second claim fails at start and names both features,
 * instead of one feature's taps or conversations silently going to the other's code.
 */
class FeaturesTest {
    private static CallbackAction buttons(String prefix) {
        return new CallbackAction() {
            @Override
            public String feature() {
                return prefix;
            }

            @Override
            public void handle(Context context, CallbackData data) {
            }
        };
    }

    private static ConversationFlow flow(String name) {
        return new ConversationFlow() {
            @Override
            public String flow() {
                return name;
            }

            @Override
            public void onMessage(Context context, Conversation conversation) {
            }
        };
    }

    @Test
    @DisplayName("Two features with one button prefix: refused, naming both")
    void twoFeaturesOneButtonPrefix() {
        Features features = new Features();
        features.adding("NewslettersFeature").callback(buttons("nl"));
        features.adding("NoticesFeature");
        assertThatThrownBy(() -> features.callback(buttons("nl")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two features claim the buttons \"nl:…\": NewslettersFeature and NoticesFeature");
    }

    @Test
    @DisplayName("Two features with one flow name: refused, naming both")
    void twoFeaturesOneFlowName() {
        Features features = new Features();
        features.adding("EventsFeature").flow(flow("compose"));
        features.adding("NewslettersFeature");
        assertThatThrownBy(() -> features.flow(flow("compose")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("two features claim the conversation flow \"compose\": EventsFeature and NewslettersFeature");
    }

    @Test
    @DisplayName("One feature adding the same prefix twice is refused too; distinct prefixes and names are all kept")
    void sameFeatureTwiceAndDistinctOnes() {
        Features features = new Features();
        features.adding("NewslettersFeature").callback(buttons("nl")).callback(buttons("nls")).flow(flow("nlcompose"));
        assertThatThrownBy(() -> features.callback(buttons("nls")))
                .hasMessage("NewslettersFeature adds the buttons \"nls:…\" twice");
        features.adding("EventsFeature").callback(buttons("ev")).flow(flow("evcompose"));

        assertThat(features.callbacks()).containsOnlyKeys("nl", "nls", "ev");
        assertThat(features.callbacks().get("ev").feature()).isEqualTo("ev");
        assertThat(features.flows()).containsOnlyKeys("nlcompose", "evcompose");
    }
}
