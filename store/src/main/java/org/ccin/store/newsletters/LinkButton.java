package org.ccin.store.newsletters;

import java.util.ArrayList;
import java.util.List;

/** A button under a newsletter that opens a web address. */
public record LinkButton(String label, String url) {

    public LinkButton {
        if (label.isBlank() || label.contains("\t") || label.contains("\n") || url.contains("\t") || url.contains("\n")) {
            throw new IllegalArgumentException("a link button needs a one-line label and address");
        }
    }

    static String encode(List<LinkButton> buttons) {
        StringBuilder text = new StringBuilder();
        for (LinkButton button : buttons) {
            text.append(button.label()).append('\t').append(button.url()).append('\n');
        }
        return text.toString();
    }

    static List<LinkButton> decode(String text) {
        List<LinkButton> buttons = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                buttons.add(new LinkButton(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return buttons;
    }
}
