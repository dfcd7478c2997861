package org.ccin.bot.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.audit.AuditEntry;
import org.ccin.store.audit.AuditFilter;
import org.ccin.store.audit.AuditKind;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.audit.AuditPage;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.GroupRepository;

/**
 * /audit (staff): what moderators, staff and the bot did, newest first, a page at a time; filtered by what is typed
 * after it, in any order: a group's code, a person (@username or Telegram id), a kind ({@code warn}, {@code mute},
 * …). The page buttons ({@link AuditButton}) are checked again on the server: staff only, and only filters that
 * exist.
 */
final class AuditCommand extends CommandAdapter {
    static final int PAGE = 8;
    /** Details longer than this are cut in chat (a page must stay within Telegram's 4,096 characters). */
    private static final int DETAILS = 200;
    private static final String NONE = "-";

    private final AuditLog auditLog;
    private final GroupRepository groups;
    private final AuditWords words;
    private final BotConfig config;

    AuditCommand(AuditLog auditLog, GroupRepository groups, AuditWords words, BotConfig config) {
        super("audit", Role.STAFF);
        this.auditLog = auditLog;
        this.groups = groups;
        this.words = words;
        this.config = config;
    }

    @Override
    public void handle(Context context) {
        AuditWords.Parsed parsed = words.parse(context.incoming().commandArguments());
        if (parsed.unknown().isPresent()) {
            context.reply().send(context.texts().get("audit.unknown", "word", parsed.unknown().get(),
                    "groups", words.groupCodes(), "kinds", AuditWords.kindCodes()));
            return;
        }
        show(context, parsed.filter(), 0);
    }

    /** The buttons' handler: staff only, as the command. */
    CallbackAction buttons() {
        return AuditButton.SET.handlers().guard(this::staffOnly).on(AuditButton.Page.class, this::page).build();
    }

    private boolean staffOnly(Context context, AuditButton button) {
        if (config.isStaff(context.userId())) {
            return true;
        }
        context.reply().alert(context.texts().plain("access.staff.only"));
        return false;
    }

    private void page(Context context, AuditButton.Page button) {
        Optional<AuditKind> kind = Optional.of(button.kind()).filter(k -> !k.equals(NONE))
                .flatMap(AuditKind::fromCode);
        boolean groupKnown = button.group() == 0 || groups.find(button.group()).isPresent();
        boolean kindKnown = button.kind().equals(NONE) || kind.isPresent();
        if (button.offset() < 0 || button.offset() == Integer.MAX_VALUE || !groupKnown || button.person() < 0
                || !kindKnown) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        AuditFilter filter = new AuditFilter(Optional.of(button.group()).filter(id -> id != 0),
                Optional.of(button.person()).filter(id -> id != 0), kind);
        show(context, filter, button.offset());
    }

    private void show(Context context, AuditFilter filter, int offset) {
        Texts texts = context.texts();
        AuditPage page = auditLog.page(filter, offset, PAGE);
        StringBuilder text = new StringBuilder(texts.get("audit.title")).append('\n')
                .append(texts.get("audit.showing", "what", describe(filter, texts)));
        if (page.entries().isEmpty()) {
            text.append("\n\n").append(texts.get(page.total() == 0 ? "audit.none" : "audit.page.empty"));
        } else {
            text.append("\n").append(texts.get("audit.range", "from", page.offset() + 1,
                    "to", page.offset() + page.entries().size(), "count", page.total()));
            for (AuditEntry entry : page.entries()) {
                text.append("\n\n").append(entry(entry, texts));
            }
        }
        text.append("\n\n").append(texts.get("audit.hint"));
        Keyboard keyboard = Keyboard.create().row();
        if (page.hasNewer()) {
            keyboard.button(texts.plain("audit.newer"), pageButton(filter, Math.max(0, offset - PAGE)));
        }
        if (page.hasOlder()) {
            keyboard.button(texts.plain("audit.older"), pageButton(filter, offset + PAGE));
        }
        context.reply().show(text.toString(), keyboard.isEmpty() ? null : keyboard.build());
    }

    private String entry(AuditEntry entry, Texts texts) {
        AuditWords.Line line = words.line(entry, texts);
        List<String> parts = new ArrayList<>();
        parts.add("<b>" + Html.escape(line.when()) + "</b>");
        parts.add(Html.escape(line.kind()));
        if (!line.group().isEmpty()) {
            parts.add(texts.get("audit.in", "group", line.group()));
        }
        if (!line.person().isEmpty()) {
            parts.add(texts.get("audit.about", "person", line.person()));
        }
        parts.add(texts.get("audit.by", "by", line.by()));
        String html = String.join(" · ", parts);
        String details = line.details().length() > DETAILS ? line.details().substring(0, DETAILS) + "…" : line.details();
        return details.isEmpty() ? html : html + "\n<i>" + Html.escape(details) + "</i>";
    }

    private String describe(AuditFilter filter, Texts texts) {
        List<String> parts = new ArrayList<>();
        filter.kind().ifPresent(kind -> parts.add(texts.plain("audit.kind." + kind.code())));
        filter.groupId().flatMap(groups::find).map(ChatGroup::code)
                .ifPresent(code -> parts.add(texts.plain("audit.filter.group", "group", code)));
        filter.personId().ifPresent(id -> parts.add(texts.plain("audit.filter.person", "person", id)));
        return parts.isEmpty() ? texts.plain("audit.filter.all") : String.join(", ", parts);
    }

    private static CallbackData pageButton(AuditFilter filter, int offset) {
        return AuditButton.SET.data(new AuditButton.Page(offset, filter.groupId().orElse(0L),
                filter.personId().orElse(0L), filter.kind().map(AuditKind::code).orElse(NONE)));
    }
}
