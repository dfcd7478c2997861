package org.ccin.bot.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ButtonSetTest {
    enum Colour { RED, GREEN }

    sealed interface Sample {
        ButtonSet<Sample> SET = ButtonSet.of("smp", Sample.class);

        @ButtonCode("o")
        record Open(long id) implements Sample {
            public Open {
                if (id <= 0) {
                    throw new IllegalArgumentException("ids are positive");
                }
            }
        }

        @ButtonCode("pick")
        record Pick(long id, String value, int page, boolean all, Colour colour) implements Sample {
        }

        sealed interface Nested extends Sample {
        }

        @ButtonCode("back")
        record Back() implements Nested {
        }
    }

    @Test
    void writesEachButtonAsFeatureCodeAndArguments() {
        assertThat(Sample.SET.data(new Sample.Open(42)).encode()).isEqualTo("smp:o:42");
        assertThat(Sample.SET.data(new Sample.Pick(7, "wales", 2, true, Colour.GREEN)).encode())
                .isEqualTo("smp:pick:7:wales:2:1:GREEN");
        assertThat(Sample.SET.data(new Sample.Back()).encode()).isEqualTo("smp:back");
    }

    @Test
    void readsBackWhatItWrote() {
        Sample pick = new Sample.Pick(7, "wales", 2, false, Colour.RED);
        assertThat(Sample.SET.read(Sample.SET.data(pick))).contains(pick);
        assertThat(Sample.SET.read(Sample.SET.data(new Sample.Back()))).contains(new Sample.Back());
    }

    @Test
    void forgedOrOldDataReadsAsNoButton() {
        for (String forged : new String[]{"smp:o", "smp:o:1:2", "smp:o:x", "smp:o:-3", "smp:zz:1", "other:o:1",
                "smp:pick:7:wales:2:yes:RED", "smp:pick:7:wales:2:1:BLUE", "smp:pick:7:wales:99999999999:1:RED",
                "smp:back:1"}) {
            Optional<Sample> read = CallbackData.parse(forged).flatMap(Sample.SET::read);
            assertThat(read).as(forged).isEmpty();
        }
    }

    @Test
    void aButtonOverSixtyFourBytesFailsWhereItIsMade() {
        assertThatThrownBy(() -> Sample.SET.data(new Sample.Pick(Long.MAX_VALUE, "x".repeat(40), 1, true, Colour.RED)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sample.SET.data(new Sample.Pick(1, "has space", 1, true, Colour.RED)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    sealed interface Twice {
        @ButtonCode("a")
        record One() implements Twice {
        }

        @ButtonCode("a")
        record Two() implements Twice {
        }
    }

    interface Open {
    }

    sealed interface Uncoded {
        record Plain() implements Uncoded {
        }
    }

    @Test
    void aBadlyDeclaredSetFailsWhenItLoads() {
        assertThatThrownBy(() -> ButtonSet.of("t", Twice.class)).hasMessageContaining("share the code a");
        assertThatThrownBy(() -> ButtonSet.of("t", Open.class)).hasMessageContaining("must be sealed");
        assertThatThrownBy(() -> ButtonSet.of("t", Uncoded.class)).hasMessageContaining("no @ButtonCode");
    }

    @Test
    void everyButtonNeedsAHandler() {
        assertThatThrownBy(() -> Sample.SET.handlers().on(Sample.Open.class, (c, b) -> { }).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Pick").hasMessageContaining("Back");
        assertThatThrownBy(() -> Sample.SET.handlers().on(Sample.Open.class, (c, b) -> { })
                .on(Sample.Open.class, (c, b) -> { })).hasMessageContaining("two handlers");
    }

    @Test
    void checksBeforeReadingComeFirstAndGuardsOnlyForButtonsThatRead() throws Exception {
        java.util.List<String> seen = new java.util.ArrayList<>();
        CallbackAction action = Sample.SET.handlers()
                .before(context -> seen.add("before") && false)
                .guard((context, button) -> seen.add("guard"))
                .on(Sample.Open.class, (c, b) -> seen.add("open"))
                .on(Sample.Pick.class, (c, b) -> seen.add("pick"))
                .on(Sample.Back.class, (c, b) -> seen.add("back"))
                .build();

        // the check refuses before the data is read, so neither the guard nor a handler runs (context unused)
        action.handle(null, CallbackData.parse("smp:zz").orElseThrow());
        action.handle(null, CallbackData.parse("smp:o:1").orElseThrow());

        assertThat(action.feature()).isEqualTo("smp");
        assertThat(seen).containsExactly("before", "before");
    }
}
