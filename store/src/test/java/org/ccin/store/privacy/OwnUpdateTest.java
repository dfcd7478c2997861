package org.ccin.store.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A stored update as far as it is one person's: their taps and words without the other people they name. */
class OwnUpdateTest {
    private static final OwnUpdate.Others OTHERS = new OwnUpdate.Others(Set.of(7_000_043L), "a member");

    @Test
    @DisplayName("A tap is given by its kind of button: the member's id a staff button carries is left out")
    void tapWithoutWhom() {
        Map<String, Object> own = OwnUpdate.of("{\"update_id\":1,\"callback_query\":{\"id\":\"1\",\"from\":{\"id\":900,"
                + "\"is_bot\":false,\"first_name\":\"Sam\"},\"data\":\"ver:ok:7000043\"}}", 900, OTHERS);
        assertThat(own).containsEntry("button", "ver:ok").doesNotContainKey("button_data");
        assertThat(OwnUpdate.kind("lang")).isEqualTo("lang");
        assertThat(OwnUpdate.kind("ev:att:3:12")).isEqualTo("ev:att");
    }

    @Test
    @DisplayName("Typed @usernames and known people's ids become \"a member\"; other numbers and words stay")
    void wordsWithoutOthers() {
        Map<String, Object> own = OwnUpdate.of("{\"update_id\":2,\"message\":{\"message_id\":5,\"date\":1,"
                + "\"chat\":{\"id\":900,\"type\":\"private\"},\"from\":{\"id\":900,\"is_bot\":false,"
                + "\"first_name\":\"Sam\"},\"text\":\"/reviewer 1 @bron_w\"}}", 900, OTHERS);
        assertThat(own).containsEntry("text", "/reviewer 1 a member");
        assertThat(OwnUpdate.withoutOthers("/audit 7000043 warn", OTHERS)).isEqualTo("/audit a member warn");
        assertThat(OwnUpdate.withoutOthers("70000431 items, mail me at x@y", OTHERS))
                .isEqualTo("70000431 items, mail me at x@y");
    }
}
