package org.ccin.bot.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.web.HttpProblem;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.WebRoutes;
import org.ccin.store.events.Answer;
import org.ccin.store.events.CalendarFeeds;
import org.ccin.store.events.Event;
import org.ccin.store.events.EventRepository;
import org.ccin.store.events.ReplyRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;

/**
 * The events over HTTP as iCalendar: each event's .ics ({@code /events/<id>.ics}, anyone may fetch one that is for
 * everyone, as anyone may see it in /events; one narrowed to some members is not found here), and each member's
 * feed ({@code /calendar/<secret>.ics}): the events open to them that have not ended or ended in the last 90 days
 * (calendars keep the recent past; the feed does not grow for ever), without those they said they cannot come to,
 * in their language. No online link is in either.
 */
final class CalendarPages implements WebRoutes {
    private static final Pattern EVENT_FILE = Pattern.compile("(\\d{1,18})\\.ics");
    static final Duration FEED_HISTORY = Duration.ofDays(90);
    private static final int FEED_LIMIT = 200;
    private static final Pattern FEED_FILE = Pattern.compile("([A-Za-z0-9_\\-]{16,64})\\.ics");

    private final EventRepository events;
    private final ReplyRepository replies;
    private final CalendarFeeds feeds;
    private final MemberRepository members;
    private final IcsFiles ics;
    private final Messages messages;
    private final Clock clock;

    CalendarPages(EventRepository events, ReplyRepository replies, CalendarFeeds feeds, MemberRepository members,
                  IcsFiles ics, Messages messages, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.replies = replies;
        this.feeds = feeds;
        this.members = members;
        this.ics = ics;
        this.messages = messages;
    }

    static String feedPath(String token) {
        return "/calendar/" + token + ".ics";
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/events/{file}", this::event);
        routes.get("/calendar/{file}", this::feed);
    }

    private void event(Context ctx) {
        Matcher file = EVENT_FILE.matcher(ctx.pathParam("file"));
        Optional<Event> event = file.matches() ? events.find(Long.parseLong(file.group(1)))
                .filter(e -> !e.audience().isNarrowed()) : Optional.empty();
        if (event.isEmpty()) {
            throw HttpProblem.text(404, "no such event");
        }
        send(ctx, ics.of(event.get(), messages.in(Pages.language(ctx))), IcsFiles.fileName(event.get()));
    }

    private void feed(Context ctx) {
        Matcher file = FEED_FILE.matcher(ctx.pathParam("file"));
        Optional<Member> member = file.matches() ? feeds.memberOf(file.group(1)).flatMap(members::findById)
                : Optional.empty();
        if (member.isEmpty()) {
            throw HttpProblem.text(404, "no such calendar");
        }
        Map<Long, Answer> answers = replies.answersOf(member.get().id());
        List<Event> coming = events.feedFor(member.get().id(), clock.instant().minus(FEED_HISTORY), FEED_LIMIT).stream()
                .filter(e -> answers.get(e.id()) != Answer.NOT_GOING).toList();
        Texts texts = messages.in(Language.fromCode(member.get().language()).orElse(Language.EN));
        send(ctx, ics.feed(coming, texts.plain("events.feed.name"), texts), "ccin-events.ics");
    }

    private static void send(Context ctx, String calendar, String fileName) {
        // a feed changes as events are added: calendar apps fetch it again, and no cache keeps an old copy
        ctx.contentType("text/calendar; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "inline; filename=\"" + fileName + "\"").result(calendar);
    }
}
