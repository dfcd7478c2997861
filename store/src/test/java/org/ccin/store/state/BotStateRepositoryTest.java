package org.ccin.store.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ccin.config.ManualClock;
import org.ccin.store.TestStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotStateRepositoryTest {
    @TempDir
    Path dir;

    private BotStateRepository state;

    @BeforeEach
    void open() {
        state = TestStores.open(dir, new ManualClock(TestStores.START)).botState();
    }

    @Test
    @DisplayName("A fact never kept is absent")
    void absent() {
        assertThat(state.get("commands")).isEmpty();
    }

    @Test
    @DisplayName("A kept fact is read back; keeping it again replaces it; other facts are untouched")
    void putReplaces() {
        state.put("commands", "abc");
        state.put("webhook", "off");

        state.put("commands", "def");

        assertThat(state.get("commands")).contains("def");
        assertThat(state.get("webhook")).contains("off");
    }

    @Test
    @DisplayName("An empty value is kept as empty, not as absent; keys are case-sensitive")
    void emptyValueAndCase() {
        state.put("commands", "");

        assertThat(state.get("commands")).contains("");
        assertThat(state.get("Commands")).isEmpty();
    }

    @Test
    @DisplayName("Facts survive a restart: a new store on the same file reads them")
    void survivesRestart() {
        state.put("commands", "abc");

        BotStateRepository reopened = TestStores.open(dir, new ManualClock(TestStores.START)).botState();

        assertThat(reopened.get("commands")).contains("abc");
    }
}
