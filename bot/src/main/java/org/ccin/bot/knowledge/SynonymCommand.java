package org.ccin.bot.knowledge;

import java.util.Optional;
import java.util.StringJoiner;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.store.audit.AuditLog;
import org.ccin.store.search.Synonym;
import org.ccin.store.search.SynonymRepository;

/** /synonym (staff): list, add ("CWB = community wealth building") or remove ("remove CWB") search synonyms. */
final class SynonymCommand extends CommandAdapter {
    private static final int TERM_MAX = 40;
    private static final int EXPANSION_MAX = 100;

    private final SynonymRepository synonyms;
    private final AuditLog audit;

    SynonymCommand(SynonymRepository synonyms, AuditLog audit) {
        super("synonym", Role.STAFF);
        this.synonyms = synonyms;
        this.audit = audit;
    }

    @Override
    public void handle(Context context) {
        String arguments = context.incoming().commandArguments();
        if (arguments.isEmpty()) {
            StringJoiner list = new StringJoiner("\n");
            for (Synonym synonym : synonyms.all()) {
                list.add("• <b>" + Html.escape(synonym.term()) + "</b> = " + Html.escape(synonym.expansion()));
            }
            context.reply().send(context.texts().get("synonym.list", "list", Html.trusted(list.toString())) + "\n\n"
                    + context.texts().get("synonym.usage"));
            return;
        }
        if (arguments.toLowerCase().startsWith("remove ")) {
            String term = arguments.substring(7).strip();
            boolean removed = synonyms.remove(term);
            if (removed) {
                audit.record(Optional.of(context.userId()), "synonym.remove", term, "");
            }
            context.reply().send(context.texts().get(removed ? "synonym.removed" : "synonym.not.found", "term", term));
            return;
        }
        int equals = arguments.indexOf('=');
        if (equals <= 0 || equals == arguments.length() - 1) {
            context.reply().send(context.texts().get("synonym.usage"));
            return;
        }
        String term = arguments.substring(0, equals).strip();
        String expansion = arguments.substring(equals + 1).strip();
        if (term.isEmpty() || expansion.isEmpty() || term.length() > TERM_MAX || expansion.length() > EXPANSION_MAX) {
            context.reply().send(context.texts().get("synonym.too.long"));
            return;
        }
        synonyms.put(term, expansion, Optional.of(context.userId()));
        audit.record(Optional.of(context.userId()), "synonym.add", term, expansion);
        context.reply().send(context.texts().get("synonym.saved", "term", term, "expansion", expansion));
    }
}
