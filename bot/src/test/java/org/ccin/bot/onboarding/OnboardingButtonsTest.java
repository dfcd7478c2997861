package org.ccin.bot.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.ccin.bot.routing.CallbackData;
import org.ccin.store.members.WorkRole;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OnboardingButtonsTest {
    @Test
    @DisplayName("Registration's buttons sent before they were typed still read as the same answers")
    void dataOfTheEarlierVersionStillReads() {
        assertThat(read("reg:role:3:OFFICER")).isEqualTo(new RegistrationButton.ChooseRole(3, WorkRole.OFFICER));
        assertThat(read("reg:org:3:120")).isEqualTo(new RegistrationButton.ChooseOrganisation(3, 120));
        assertThat(read("reg:orgkeep:3")).isEqualTo(new RegistrationButton.KeepTyped(3));
        assertThat(read("reg:region:3:north-west")).isEqualTo(new RegistrationButton.ChooseRegion(3, "north-west"));
        assertThat(RegistrationButton.SET.read(CallbackData.parse("reg:role:3:PRESIDENT").orElseThrow())).isEmpty();
        assertThat(RegistrationButton.SET.read(CallbackData.parse("reg:back").orElseThrow())).isEmpty();
    }

    @Test
    @DisplayName("/profile's buttons name each question in lower case, as before, and read back to it")
    void profileButtonsNameTheQuestion() {
        for (Step step : Step.values()) {
            CallbackData data = ProfileButton.SET.data(ProfileButton.Edit.of(step));
            assertThat(data.encode()).isEqualTo("prof:edit:" + step.name().toLowerCase());
            assertThat(ProfileButton.SET.read(data).map(b -> ((ProfileButton.Edit) b).step().orElseThrow()))
                    .contains(step);
        }
        assertThat(new ProfileButton.Edit("password").step()).isEmpty();
    }

    private static RegistrationButton read(String raw) {
        return RegistrationButton.SET.read(CallbackData.parse(raw).orElseThrow()).orElseThrow();
    }
}
