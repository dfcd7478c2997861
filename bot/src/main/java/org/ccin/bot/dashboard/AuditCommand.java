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
import org.ccin.store.Store;
import org.ccin.store.audit.AuditEntry;
import org.ccin.store.audit.AuditFilter;
import org.ccin.store.audit.AuditKind;
import org.ccin.store.audit.AuditPage;
import org.ccin.store.groups.ChatGroup;

/**
 * /audit (staff): what moderators, staff and the bot did, newest first, a page at a time; filtered by what is typed
 * after it, in any order: a group's code, a person (@username or Telegram id), a kind ({@code warn}, {@code mute},
 * …). The page buttons {@code aud:p:<offset>:<group id|0>:<person id|0>:<kind code|->} are checked again on the
 * server: staff only, and only filters that exist.
 */
final class AuditCommand extends CommandAdapter implements CallbackAction {
    static final int PAGE = 8;
    /** Details longer than this are cut in chat (a page must stay within Telegram's 4,096 characters). */
    private static final int DETAILS = 200;
    private static final String NONE = "-";

    private final Store store;
    private final AuditWords words;
    private final BotConfig config;

    AuditCommand(Store store, AuditWords words, BotConfig config) {
        super("audit", Role.STAFF);
        this.store = store;
        this.words = words;
        this.config = config;
    }

    @Override
    public String feature() {
        return "aud";
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

    @Override
    public void handle(Context context, CallbackData data) {
        Texts texts = context.texts();
        if (!config.isStaff(context.userId())) {
            context.reply().alert(texts.plain("access.staff.only"));
            return;
        }
        Optional<Long> offset = data.number(0).filter(n -> n >= 0 && n < Integer.MAX_VALUE);
        Optional<Long> group = data.number(1);
        Optional<Long> person = data.number(2).filter(n -> n >= 0);
        Optional<String> kindCode = data.arg(3);
        Optional<AuditKind> kind = kindCode.filter(k -> !k.equals(NONE)).flatMap(AuditKind::fromCode);
        boolean groupKnown = group.map(id -> id == 0 || store.groups().catalogue().find(id).isPresent()).orElse(false);
        boolean kindKnown = kindCode.map(k -> k.equals(NONE) || kind.isPresent()).orElse(false);
        if (!data.action().equals("p") || offset.isEmpty() || !groupKnown || person.isEmpty() || !kindKnown) {
            context.reply().alert(texts.plain("button.unknown"));
            return;
        }
        AuditFilter filter = new AuditFilter(group.filter(id -> id != 0), person.filter(id -> id != 0), kind);
        show(context, filter, offset.get().intValue());
    }

    private void show(Context context, AuditFilter filter, int offset) {
        Texts texts = context.texts();
        AuditPage page = store.auditLog().page(filter, offset, PAGE);
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
        filter.groupId().flatMap(store.groups().catalogue()::find).map(ChatGroup::code)
                .ifPresent(code -> parts.add(texts.plain("audit.filter.group", "group", code)));
        filter.personId().ifPresent(id -> parts.add(texts.plain("audit.filter.person", "person", id)));
        return parts.isEmpty() ? texts.plain("audit.filter.all") : String.join(", ", parts);
    }

    private static CallbackData pageButton(AuditFilter filter, int offset) {
        return CallbackData.of("aud", "p", offset, filter.groupId().orElse(0L), filter.personId().orElse(0L),
                filter.kind().map(AuditKind::code).orElse(NONE));
    }
}
