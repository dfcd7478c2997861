package org.ccin.bot.fakeapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** parse_mode=HTML as Telegram reads it: what a bot that forgets to escape would run into. */
class FormattedTextTest {

    @Test
    @DisplayName("tags become entities with UTF-16 offsets, and character references are decoded")
    void entities() {
        FormattedText text = FormattedText.parseHtml(
                "🙂 <b>Bold</b> &amp; <a href=\"https://x.org/?a=1&amp;b=2\">link</a>");

        assertThat(text.text()).isEqualTo("🙂 Bold & link");
        assertThat(text.entities().toString()).isEqualTo("[{\"type\":\"bold\",\"offset\":3,\"length\":4},"
                + "{\"type\":\"text_link\",\"offset\":10,\"length\":4,\"url\":\"https://x.org/?a=1&b=2\"}]");
    }

    @Test
    @DisplayName("an unescaped '<', an unknown tag, and crossed or unclosed tags are refused like Telegram")
    void errors() {
        assertThatThrownBy(() -> FormattedText.parseHtml("a < b")).hasMessageContaining(
                "can't parse entities: Unsupported start tag \"\" at byte offset 2");
        assertThatThrownBy(() -> FormattedText.parseHtml("é<br>")).hasMessageContaining(
                "Unsupported start tag \"br\" at byte offset 2");
        assertThatThrownBy(() -> FormattedText.parseHtml("<b><i>x</b></i>")).hasMessageContaining(
                "Unmatched end tag at byte offset 7, expected \"</i>\", found \"</b>\"");
        assertThatThrownBy(() -> FormattedText.parseHtml("<b>x")).hasMessageContaining(
                "Can't find end tag corresponding to start tag \"b\"");
    }

    @Test
    @DisplayName("an '&' that starts no known reference is kept as it is")
    void looseAmpersand() {
        assertThat(FormattedText.parseHtml("R&D &unknown; &#65;").text()).isEqualTo("R&D &unknown; A");
    }
}
