package org.ccin.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WelshWordsTest {

    @Test
    @DisplayName("Mutated forms of a place are the place: Nghymru, Gymru, Chymru and Nghaerdydd")
    void mutationsUndone() {
        assertThat(WelshWords.english("cymru")).hasValue("wales");
        assertThat(WelshWords.english("gymru")).hasValue("wales");
        assertThat(WelshWords.english("nghymru")).hasValue("wales");
        assertThat(WelshWords.english("chymru")).hasValue("wales");
        assertThat(WelshWords.english("nghaerdydd")).hasValue("cardiff");
        assertThat(WelshWords.english("ofal")).as("gofal after a soft mutation").hasValue("care");
        assertThat(WelshWords.english("lundain")).as("llundain after a soft mutation").hasValue("london");
    }

    @Test
    @DisplayName("A question in Welsh is put in English word by word and phrase by phrase; other words stay")
    void inEnglish() {
        assertThat(WelshWords.inEnglish(SearchTerms.allWords("tai yng Nghymru")))
                .containsExactly("housing", "yng", "wales");
        assertThat(WelshWords.inEnglish(SearchTerms.allWords("ynni cymunedol yn Abertawe")))
                .containsExactly("community energy", "yn", "swansea");
        assertThat(WelshWords.inEnglish(List.of("oldham", "energy"))).containsExactly("oldham", "energy");
    }

    @Test
    @DisplayName("English words are not taken for Welsh ones")
    void englishLeftAlone() {
        for (String word : List.of("tax", "day", "care", "food", "housing", "council", "wales", "youth", "cardiff",
                "staff", "podcasts", "staffing", "guidelines", "webinars", "events", "training", "groups", "session",
                "welcome", "pack", "video", "motion", "toolkit")) {
            assertThat(WelshWords.knows(word)).as(word).isFalse();
        }
        assertThat(WelshWords.knows("tai")).isTrue();
    }

    @Test
    @DisplayName("The action plan's own words in Welsh, mutated or not: podlediadau, nghanllawiau, strwythur staffio")
    void planWords() {
        assertThat(WelshWords.english("podlediadau")).hasValue("podcasts");
        assertThat(WelshWords.english("phodlediadau")).as("after an aspirate mutation").hasValue("podcasts");
        assertThat(WelshWords.english("nghanllawiau")).as("after a nasal mutation").hasValue("guidelines");
        assertThat(WelshWords.inEnglish(List.of("y", "strwythur", "staffio"))).containsExactly("y",
                "staffing structure");
        assertThat(WelshWords.inEnglish(List.of("pecyn", "croeso"))).containsExactly("welcome pack");
    }
}
