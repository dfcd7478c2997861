package org.ccin.bot.events;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.ccin.bot.dashboard.StaffSessions;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.store.events.EventFigures;

/**
 * The dashboard's events page ({@code /dashboard/events}): invitations, answers and attendance per event and per
 * member council, the measure the strategy counts. Staff only, behind the dashboard's login.
 */
final class EventsDashboard implements WebRoutes {
    private final EventFigures figures;
    private final StaffSessions sessions;
    private final Messages messages;
    private final ZoneId zone;

    EventsDashboard(EventFigures figures, StaffSessions sessions, Messages messages, ZoneId zone) {
        this.figures = figures;
        this.sessions = sessions;
        this.messages = messages;
        this.zone = zone;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/dashboard/events", this::page);
    }

    private void page(Context ctx) {
        Words w = new Words(messages.in(Pages.language(ctx)));
        if (sessions.of(ctx).isEmpty()) {
            throw Refusal.Unauthorized.page(Templates.renderWith("message.jte", Map.of("lang", w.lang(), "title",
                    w.t("web.events.title"), "text", w.t("web.login.needed"))));
        }
        List<EventsDashboardView.EventRow> rows = figures.perEvent().stream()
                .map(e -> new EventsDashboardView.EventRow(e.id(), e.title(),
                        w.texts().shortDateTime(e.startsAt().atZone(zone)), e.cancelled(), e.counts())).toList();
        Pages.send(ctx, 200, Templates.render("events/dashboard.jte", new EventsDashboardView(w, rows,
                figures.perCouncil(w.t("web.events.no.council")))));
    }
}
