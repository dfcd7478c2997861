package org.ccin.bot.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.store.plan.ActionNote;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The week's notes cut into digest messages: every note once, in order, each message inside Telegram's limit. */
class DigestNotesTest {
    private static ActionNote note(long id, int length) {
        return new ActionNote(id, 1, ActionNote.Author.LEAD, Optional.of("Values and Principles Board"),
                "n".repeat(length), Instant.parse("2026-11-20T10:00:00Z").plusSeconds(id));
    }

    @Test
    @DisplayName("Long notes are spread over messages of at most 3,000 characters of notes; short ones share one")
    void parts() {
        List<ActionNote> notes = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            notes.add(note(i, 1000));
        }
        notes.add(note(9, 10));
        List<List<ActionNote>> parts = WeeklyDigest.notesInParts(notes);

        assertThat(parts).hasSizeGreaterThan(3);
        assertThat(parts.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(notes);
        assertThat(parts).allSatisfy(part -> assertThat(part.stream().mapToInt(n -> n.text().length() + 150).sum())
                .isLessThanOrEqualTo(3000));

        assertThat(WeeklyDigest.notesInParts(List.of(note(1, 20), note(2, 30), note(3, 40)))).hasSize(1);
        assertThat(WeeklyDigest.notesInParts(List.of())).isEmpty();
        // a note longer than a message still goes out, alone (shortened when it is shown)
        assertThat(WeeklyDigest.notesInParts(List.of(note(1, 20), note(2, 5000), note(3, 40)))).hasSize(3);
    }
}
