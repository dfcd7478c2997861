package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Notice;
import org.ccin.store.groups.RulesVersion;

/**
 * The Accept buttons under changed rules: {@code racc:ok:<version id>} records that version if it is still the
 * current one; {@code racc:g:<group id>} (in a reminder) records every current version of that group. Either records
 * only versions whose full text was sent to the person who taps: a forged tap by someone never shown them records
 * nothing, and rules changed since the reminder are shown again first.
 */
final class RulesAcceptance implements CallbackAction {
    private final Store store;
    private final GroupWords words;

    RulesAcceptance(Store store, GroupWords words) {
        this.store = store;
        this.words = words;
    }

    @Override
    public String feature() {
        return "racc";
    }

    @Override
    public void handle(Context context, CallbackData data) {
        if (data.action().equals("g")) {
            acceptForGroup(context, data.number(0).flatMap(store.groups().catalogue()::find));
            return;
        }
        Optional<RulesVersion> version = data.action().equals("ok")
                ? data.number(0).flatMap(store.groups().rules()::find) : Optional.empty();
        if (version.isEmpty() || !version.get().published()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        Optional<RulesVersion> current = store.groups().rules().current(version.get().groupId());
        if (current.isEmpty() || current.get().id() != version.get().id()) {
            context.reply().alert(context.texts().plain("groups.rules.newer"));
            return;
        }
        if (!store.groups().rules().acceptShown(context.userId(), List.of(version.get().id()))) {
            context.reply().alert(context.texts().plain("groups.rules.unseen"));
            return;
        }
        accepted(context);
    }

    private void acceptForGroup(Context context, Optional<ChatGroup> group) {
        if (group.isEmpty() || !store.groups().memberships().isIn(group.get().id(), context.userId())) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        List<Long> current = store.groups().rules().currentFor(group.get().id()).stream().map(RulesVersion::id).toList();
        if (!store.groups().rules().acceptShown(context.userId(), current)) {
            // the rules changed after this reminder was sent: the new text first, then the button again
            Texts texts = context.texts();
            store.groups().rules().shown(context.userId(), current);
            context.reply().alert(texts.plain("groups.rules.read.first"));
            context.reply().show(texts.get("groups.rules.changed.since", "group",
                    group.get().title(texts.language().code())) + "\n\n" + words.rules(List.of(group.get()), texts),
                    Keyboard.create().row().button(texts.plain("groups.rules.accept"),
                            CallbackData.of(feature(), "g", group.get().id())).build());
            return;
        }
        accepted(context);
    }

    private void accepted(Context context) {
        store.groups().notices().resolveAll(context.userId(), Notice.Reason.RULES_NOT_ACCEPTED, "accepted");
        context.reply().show(context.texts().get("groups.rules.thanks"), null);
    }
}
