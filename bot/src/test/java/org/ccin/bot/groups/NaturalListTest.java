package org.ccin.bot.groups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NaturalListTest {
    private final Texts english = new Messages().in(Language.EN);
    private final Texts welsh = new Messages().in(Language.CY);

    @Test
    @DisplayName("Lists read as in a sentence, in English and in Welsh (ac before a vowel, a with its mutation)")
    void joinsNaturally() {
        assertThat(NaturalList.and(List.of("officers"), english)).isEqualTo("officers");
        assertThat(NaturalList.and(List.of("officers", "councillors"), english)).isEqualTo("officers and councillors");
        assertThat(NaturalList.or(List.of("Full Member", "Associate Member", "Supporter"), english))
                .isEqualTo("Full Member, Associate Member or Supporter");
        assertThat(NaturalList.and(List.of("swyddogion", "cynghorwyr"), welsh)).isEqualTo("swyddogion a chynghorwyr");
        assertThat(NaturalList.and(List.of("ar gyfer swyddogion", "ar gyfer aelodau"), welsh))
                .isEqualTo("ar gyfer swyddogion ac ar gyfer aelodau");
        assertThat(NaturalList.or(List.of("Aelod Llawn", "Cefnogwr"), welsh)).isEqualTo("Aelod Llawn neu Cefnogwr");
        // names are never mutated
        assertThat(NaturalList.names(List.of("Bo", "Cai", "Tom"), welsh)).isEqualTo("Bo, Cai a Tom");
        assertThat(NaturalList.names(List.of("Bo", "Ifan"), welsh)).isEqualTo("Bo ac Ifan");
        assertThat(NaturalList.and(List.of(), english)).isEmpty();
    }
}
