package org.ccin.bot.routing;

import java.util.ArrayList;
import java.util.List;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/** Builds inline keyboards row by row; button data is always a {@link CallbackData}. Not thread-safe. */
public final class Keyboard {
    private final List<InlineKeyboardRow> rows = new ArrayList<>();
    private InlineKeyboardRow current;

    public static Keyboard create() {
        return new Keyboard();
    }

    /** Starts a new row. */
    public Keyboard row() {
        current = new InlineKeyboardRow();
        rows.add(current);
        return this;
    }

    public Keyboard button(String text, CallbackData data) {
        return add(InlineKeyboardButton.builder().text(text).callbackData(data.encode()).build());
    }

    public Keyboard link(String text, String url) {
        return add(InlineKeyboardButton.builder().text(text).url(url).build());
    }

    /** A button that opens inline mode in the current chat with the given query. */
    public Keyboard inlineQuery(String text, String query) {
        return add(InlineKeyboardButton.builder().text(text).switchInlineQueryCurrentChat(query).build());
    }

    /** Lays out buttons in rows of {@code perRow}. */
    public Keyboard grid(List<InlineKeyboardButton> buttons, int perRow) {
        for (int i = 0; i < buttons.size(); i++) {
            if (i % perRow == 0) {
                row();
            }
            current.add(buttons.get(i));
        }
        return this;
    }

    public static InlineKeyboardButton callbackButton(String text, CallbackData data) {
        return InlineKeyboardButton.builder().text(text).callbackData(data.encode()).build();
    }

    private Keyboard add(InlineKeyboardButton button) {
        if (current == null) {
            row();
        }
        current.add(button);
        return this;
    }

    public boolean isEmpty() {
        return rows.stream().allMatch(List::isEmpty);
    }

    public InlineKeyboardMarkup build() {
        List<InlineKeyboardRow> nonEmpty = new ArrayList<>();
        for (InlineKeyboardRow row : rows) {
            if (!row.isEmpty()) {
                nonEmpty.add(row);
            }
        }
        return InlineKeyboardMarkup.builder().keyboard(nonEmpty).build();
    }
}
