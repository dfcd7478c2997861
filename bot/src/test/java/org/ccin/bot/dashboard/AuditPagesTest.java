package org.ccin.bot.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AuditPagesTest {
    @Test
    @DisplayName("A CSV cell a spreadsheet would run as a formula is written as text; others as they are")
    void formulasAreText() {
        assertThat(AuditPages.cell("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(AuditPages.cell("+44 1234")).isEqualTo("'+44 1234");
        assertThat(AuditPages.cell("@tom")).isEqualTo("'@tom");
        assertThat(AuditPages.cell("-1")).isEqualTo("'-1");
        assertThat(AuditPages.cell("Ada (42)")).isEqualTo("Ada (42)");
        assertThat(AuditPages.cell("")).isEmpty();
    }
}
