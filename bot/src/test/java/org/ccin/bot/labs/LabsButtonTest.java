package org.ccin.bot.labs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.ccin.bot.routing.CallbackData;
import org.ccin.store.labs.RoundKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rounds' buttons within Telegram's 64 bytes, read back exactly; amounts and times as staff type them. */
class LabsButtonTest {
    private static final long BIG = 999_999_999_999L;

    @Test
    @DisplayName("Every button, with its largest arguments, fits in 64 bytes and reads back as itself")
    void buttonsFitAndReadBack() {
        List<LabsButton> buttons = List.of(new LabsButton.Kind(RoundKind.PROTOTYPE), new LabsButton.Suggested(),
                new LabsButton.OpensNow(), new LabsButton.StandardQuestions(), new LabsButton.OpenRound(),
                new LabsButton.Apply(BIG), new LabsButton.Next(BIG), new LabsButton.Back(BIG),
                new LabsButton.Edit(BIG, 99), new LabsButton.Clear(BIG, 99), new LabsButton.Preview(BIG),
                new LabsButton.Submit(BIG), new LabsButton.PickPartner(BIG, BIG), new LabsButton.TypedPartner(BIG),
                new LabsButton.DeleteDraft(BIG), new LabsButton.ConfirmDelete(BIG, "AbCdEfGhIjKlMnOp"),
                new LabsButton.Export(BIG), new LabsButton.OpenReview(BIG), new LabsButton.OpenSubmission(BIG),
                new LabsButton.ReadInFull(BIG), new LabsButton.Rate(BIG, 7, 5), new LabsButton.AddComment(BIG),
                new LabsButton.Fund(BIG), new LabsButton.ConfirmFund(BIG, 100_000_000L, "AbCdEfGhIjKlMnOp"),
                new LabsButton.Decline(BIG), new LabsButton.ConfirmDecline(BIG, "AbCdEfGhIjKlMnOp"),
                new LabsButton.ChangeReason(BIG), new LabsButton.CancelDecline(BIG), new LabsButton.Publish(BIG));
        for (LabsButton button : buttons) {
            String data = LabsButton.SET.data(button).encode();
            assertThat(data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(data).isLessThanOrEqualTo(64);
            assertThat(LabsButton.SET.read(CallbackData.parse(data).orElseThrow())).contains(button);
        }
        assertThat(LabsButton.SET.read(CallbackData.parse("labs:sc:1:x:5").orElseThrow())).isEmpty();
        assertThat(LabsButton.SET.read(CallbackData.parse("labs:k:MEGA").orElseThrow())).isEmpty();
    }

    @Test
    @DisplayName("Amounts are whole pounds as people type them; pence, words and negatives are not amounts")
    void amounts() {
        assertThat(Amounts.parse("£20,000")).contains(20_000L);
        assertThat(Amounts.parse("1500")).contains(1_500L);
        assertThat(Amounts.parse("2k")).contains(2_000L);
        assertThat(Amounts.parse("£1,500.00")).contains(1_500L);
        assertThat(Amounts.parse("12.50")).isEmpty();
        assertThat(Amounts.parse("-3")).isEmpty();
        assertThat(Amounts.parse("lots")).isEmpty();
        assertThat(Amounts.parse("1,50")).isEmpty();
        assertThat(Amounts.format(13_500)).isEqualTo("£13,500");
        // a sum past any round (or past a long's twenty digits) is too large, not an error and not "not a sum"
        assertThat(Amounts.parse("12345678901234567890")).isEmpty();
        assertThat(Amounts.tooLarge("12345678901234567890")).isTrue();
        assertThat(Amounts.tooLarge("£99,999,999,999,999,999,999k")).isTrue();
        assertThat(Amounts.tooLarge("100,000,001")).isTrue();
        assertThat(Amounts.parse("100,000,000")).contains(100_000_000L);
        assertThat(Amounts.tooLarge("100,000,000")).isFalse();
        assertThat(Amounts.tooLarge("lots")).isFalse();
        assertThat(Amounts.limit()).isEqualTo("£100,000,000");
    }

    @Test
    @DisplayName("Long answers are cut by their escaped length, never inside an entity or a surrogate pair")
    void escapedPieces() {
        String dense = "&<>\"".repeat(2_000) + "🙂".repeat(500);
        List<String> pieces = ApplicationText.escapedPieces(dense, ApplicationText.PIECE);
        assertThat(pieces).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(ApplicationText.PIECE));
        assertThat(org.ccin.bot.i18n.Html.strip(String.join("", pieces))).isEqualTo(dense);
        assertThat(pieces).hasSizeGreaterThan(3).allSatisfy(p -> {
            assertThat(p.replaceAll("&(amp|lt|gt|quot);", "")).as("whole entities only").doesNotContain("&");
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        });
        assertThat(ApplicationText.escapedPieces("", 10)).containsExactly("");
    }

    @Test
    @DisplayName("Times are read in the network's zone, across the clock change; impossible dates are refused")
    void typedTimes() {
        ZoneId london = ZoneId.of("Europe/London");
        assertThat(TypedTimes.parse("2027-07-01 17:00", london, LocalTime.NOON))
                .contains(Instant.parse("2027-07-01T16:00:00Z"));
        assertThat(TypedTimes.parse("16/12/2026", london, LocalTime.of(17, 0)))
                .contains(Instant.parse("2026-12-16T17:00:00Z"));
        assertThat(TypedTimes.parse("31/02/2026 17:00", london, LocalTime.NOON)).isEmpty();
        assertThat(TypedTimes.parse("next Friday", london, LocalTime.NOON)).isEmpty();
    }
}
