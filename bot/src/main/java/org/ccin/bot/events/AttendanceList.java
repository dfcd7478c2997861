package org.ccin.bot.events;

import java.util.List;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.events.Event;
import org.ccin.store.events.ReplyRepository;

/**
 * The tap list of who came, a page at a time: Telegram refuses a keyboard of more than 100 buttons, and a big event
 * has more people than that. A page number from a button is never trusted: one out of range shows the nearest page.
 */
final class AttendanceList {
    /** People per page: with Previous, Next and Back the keyboard stays far below Telegram's 100 buttons. */
    static final int PAGE_SIZE = 20;

    private final ReplyRepository replies;

    AttendanceList(ReplyRepository replies) {
        this.replies = replies;
    }

    /** Shows the page that holds this member (the first when they are not on the list). */
    void showPageOf(Context context, Event event, long memberId) {
        List<ReplyRepository.Replier> repliers = replies.repliers(event.id());
        int index = 0;
        for (int i = 0; i < repliers.size(); i++) {
            if (repliers.get(i).memberId() == memberId) {
                index = i;
            }
        }
        show(context, event, repliers, index / PAGE_SIZE);
    }

    /** Shows this page, or the nearest one there is. */
    void show(Context context, Event event, int page) {
        show(context, event, replies.repliers(event.id()), page);
    }

    private void show(Context context, Event event, List<ReplyRepository.Replier> repliers, int wanted) {
        Texts texts = context.texts();
        int pages = Math.max(1, (repliers.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.max(0, Math.min(wanted, pages - 1));
        long there = repliers.stream().filter(ReplyRepository.Replier::attended).count();
        Keyboard keyboard = Keyboard.create();
        for (ReplyRepository.Replier replier : repliers.subList(page * PAGE_SIZE,
                Math.min(repliers.size(), (page + 1) * PAGE_SIZE))) {
            keyboard.row().button((replier.attended() ? "✅ " : "▫️ ") + replier.firstName() + " · "
                            + texts.plain(EventCards.answerKey(replier.answer())),
                    EventButton.SET.data(new EventButton.AttendedOnPage(event.id(), replier.memberId(), page)));
        }
        if (pages > 1) {
            keyboard.row();
            if (page > 0) {
                keyboard.button(texts.plain("events.button.attendance.previous"),
                        EventButton.SET.data(new EventButton.AttendancePage(event.id(), page - 1)));
            }
            if (page < pages - 1) {
                keyboard.button(texts.plain("events.button.attendance.next"),
                        EventButton.SET.data(new EventButton.AttendancePage(event.id(), page + 1)));
            }
        }
        keyboard.row().button(texts.plain("button.back"), EventButton.SET.data(new EventButton.Open(event.id())));
        String text = repliers.isEmpty() ? texts.get("events.attendance.nobody", "title", event.title())
                : texts.get("events.attendance.list", "title", event.title(), "there", there, "count", repliers.size());
        if (pages > 1) {
            text += "\n" + texts.get("events.attendance.page", "page", page + 1, "pages", pages);
        }
        context.reply().show(text, keyboard.build());
    }
}
