package org.ccin.bot.dashboard;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.web.Pages;
import org.ccin.bot.web.Refusal;
import org.ccin.bot.web.Templates;
import org.ccin.bot.web.WebRoutes;
import org.ccin.bot.web.Words;
import org.ccin.store.audit.AuditEntry;
import org.ccin.store.audit.AuditFilter;
import org.ccin.store.audit.AuditKind;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.audit.AuditPage;
import org.ccin.store.dashboard.Figures;
import org.ccin.store.dashboard.WebLogins;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;

/**
 * The dashboard's audit page: the audit log a page at a time, filtered by group, person (@username or Telegram id)
 * and kind, as in /audit, and over a period as the dashboard's sections ({@link AuditPeriod}); and the same entries as
 * a CSV download. Staff only (the dashboard's session); a filter that names nothing known is answered 400 with the
 * reason.
 */
final class AuditPages implements WebRoutes {
    static final int PAGE = 50;
    /** The most rows one download holds (two years of a busy network's moderation is far fewer). */
    static final int CSV_MAX = 100_000;

    private final AuditLog auditLog;
    private final GroupRepository groups;
    private final Messages messages;
    private final StaffSessions sessions;
    private final AuditWords words;
    private final Figures figures;
    private final ZoneId zone;

    /** {@code figures} says when a period starts, so that "the last 4 weeks" starts on the sections' Monday. */
    AuditPages(AuditLog auditLog, GroupRepository groups, Messages messages, StaffSessions sessions,
               AuditWords words, Figures figures, ZoneId zone) {
        this.auditLog = auditLog;
        this.groups = groups;
        this.messages = messages;
        this.sessions = sessions;
        this.words = words;
        this.figures = figures;
        this.zone = zone;
    }

    @Override
    public void addTo(RoutesConfig routes) {
        routes.get("/dashboard/audit", this::page);
        routes.get("/dashboard/audit.csv", this::csv);
    }

    /** The filter of a request, or what in it is not understood. */
    private record Request(AuditFilter filter, AuditPeriod period, int offset, Optional<String> problem) {
        static Request refused(AuditPeriod period, String problem) {
            return new Request(AuditFilter.everything(), period, 0, Optional.of(problem));
        }
    }

    private Request request(Context ctx, Texts texts) {
        String groupCode = param(ctx, "group");
        String personWord = param(ctx, "person");
        String kindCode = param(ctx, "kind");
        AuditPeriod period = AuditPeriod.of(param(ctx, "weeks"));
        Optional<Long> group = Optional.empty();
        if (!groupCode.isEmpty()) {
            Optional<ChatGroup> found = groups.byCode(groupCode);
            if (found.isEmpty()) {
                return Request.refused(period, texts.plain("web.audit.bad.group", "group", groupCode));
            }
            group = Optional.of(found.get().id());
        }
        Optional<Long> person = Optional.empty();
        if (!personWord.isEmpty()) {
            person = words.person(personWord);
            if (person.isEmpty()) {
                return Request.refused(period, texts.plain("web.audit.bad.person", "person", personWord));
            }
        }
        Optional<AuditKind> kind = Optional.empty();
        if (!kindCode.isEmpty()) {
            kind = AuditKind.fromCode(kindCode);
            if (kind.isEmpty()) {
                return Request.refused(period, texts.plain("web.audit.bad.kind", "kind", kindCode));
            }
        }
        Optional<Integer> offset = number(param(ctx, "from"));
        if (offset.isEmpty()) {
            return Request.refused(period, texts.plain("web.audit.bad.page"));
        }
        AuditFilter filter = new AuditFilter(group, person, kind);
        if (period.weeks().isPresent()) {
            filter = filter.since(figures.periodStart(period.weeks().get(), zone));
        }
        return new Request(filter, period, offset.get(), Optional.empty());
    }

    private void page(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        Words w = new Words(texts);
        Optional<WebLogins.Session> session = sessions.of(ctx);
        if (session.isEmpty()) {
            throw Refusal.Unauthorized.page(MessageView.page(w, w.t("web.login.needed")));
        }
        Request request = request(ctx, texts);
        int offset = request.offset();
        String language = texts.language().code();
        List<AuditView.Choice> groupChoices = groups.all().stream().map(g -> new AuditView.Choice(
                g.code(), g.title(language), g.code().equals(param(ctx, "group")))).toList();
        List<AuditView.Choice> kinds = Arrays.stream(AuditKind.values()).map(k -> new AuditView.Choice(k.code(),
                w.t("audit.kind." + k.code()), k.code().equals(param(ctx, "kind")))).toList();
        AuditPeriod period = request.period();
        List<AuditView.Choice> periods = new ArrayList<>(List.of(new AuditView.Choice("",
                w.t("web.audit.period.all"), period.weeks().isEmpty())));
        DashboardSections.PERIODS.forEach(p -> periods.add(new AuditView.Choice(String.valueOf(p),
                w.t("web.dash.period.weeks", "weeks", p), period.weeks().equals(Optional.of(p)))));
        String periodNote = period.understood() ? "" : w.t("web.audit.period.unknown");
        if (request.problem().isPresent()) {
            throw Refusal.BadRequest.page(Templates.render("dashboard/audit.jte", new AuditView(w,
                    session.get().csrf(), groupChoices, kinds, periods, param(ctx, "person"), periodNote,
                    request.problem().get(), 0, "", List.of(), "", "")));
        }
        AuditPage page = auditLog.page(request.filter(), offset, PAGE);
        List<AuditView.Entry> entries = page.entries().stream().map(entry -> {
            AuditWords.Line line = words.line(entry, texts);
            return new AuditView.Entry(entry.action(), List.of(line.when(), line.kind(), line.group(), line.person(),
                    line.by(), line.details()));
        }).toList();
        Pages.send(ctx, 200, Templates.render("dashboard/audit.jte", new AuditView(w, session.get().csrf(),
                groupChoices, kinds, periods, param(ctx, "person"), periodNote, "", page.total(),
                "/dashboard/audit.csv?" + query(ctx, period, Optional.empty()), entries,
                page.hasNewer() ? "/dashboard/audit?" + query(ctx, period, Optional.of(Math.max(0, offset - PAGE)))
                        : "",
                page.hasOlder() ? "/dashboard/audit?" + query(ctx, period, Optional.of(offset + PAGE)) : "")));
    }

    private void csv(Context ctx) {
        Texts texts = messages.in(Pages.language(ctx));
        if (sessions.of(ctx).isEmpty()) {
            throw Refusal.Unauthorized.text(texts.plain("web.login.needed"));
        }
        Request request = request(ctx, texts);
        if (request.problem().isPresent()) {
            throw Refusal.BadRequest.text(request.problem().get());
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("at_utc", texts.plain("web.audit.column.when"), texts.plain("web.audit.column.kind"),
                    "action", texts.plain("web.audit.column.group"), texts.plain("web.audit.column.person"),
                    texts.plain("web.audit.column.by"), texts.plain("web.audit.column.details"));
            for (AuditEntry entry : auditLog.all(request.filter(), CSV_MAX)) {
                AuditWords.Line line = words.line(entry, texts);
                printer.printRecord(entry.at().toString(), line.when(), cell(line.kind()), entry.action(),
                        cell(line.group()), cell(line.person()), cell(line.by()), cell(line.details()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.contentType("text/csv; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"ccin-audit.csv\"").result(out.toString());
    }

    /**
     * A spreadsheet runs a cell that starts with = + - @ as a formula: names and details come from people, so such a
     * cell is written with a leading apostrophe, which spreadsheets show as text.
     */
    static String cell(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The page's filters for a link (the period as understood, so a link never carries a value not understood). */
    private static String query(Context ctx, AuditPeriod period, Optional<Integer> from) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("lang", "group", "person", "kind", "weeks")) {
            String value = name.equals("weeks") ? period.value() : param(ctx, name);
            if (!value.isEmpty()) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        from.ifPresent(n -> query.append(query.length() == 0 ? "" : "&").append("from=").append(n));
        return query.toString();
    }

    private static String param(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::strip).orElse("");
    }

    /** Where a page starts: 0 when not given; empty when it is not a number from 0 up. */
    private static Optional<Integer> number(String text) {
        try {
            int value = text.isEmpty() ? 0 : Integer.parseInt(text);
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
