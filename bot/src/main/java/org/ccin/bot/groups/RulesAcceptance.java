package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.store.Store;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Notice;
import org.ccin.store.groups.RulesVersion;

/**
 * The Accept buttons under changed rules: {@code racc:ok:<version id>} records that version if it is still the
 * current one; {@code racc:g:<group id>} (in a reminder) records every current version of that group.
 */
final class RulesAcceptance implements CallbackAction {
    private final Store store;

    RulesAcceptance(Store store) {
        this.store = store;
    }

    @Override
    public String feature() {
        return "racc";
    }

    @Override
    public void handle(Context context, CallbackData data) {
        if (data.action().equals("g")) {
            Optional<ChatGroup> group = data.number(0).flatMap(store.groups().catalogue()::find);
            if (group.isEmpty() || !store.groups().memberships().isIn(group.get().id(), context.userId())) {
                context.reply().alert(context.texts().plain("button.unknown"));
                return;
            }
            store.groups().rules().accept(context.userId(), store.groups().rules().currentFor(group.get().id())
                    .stream().map(RulesVersion::id).toList());
            store.groups().notices().resolveAll(context.userId(), Notice.Reason.RULES_NOT_ACCEPTED, "accepted");
            context.reply().show(context.texts().get("groups.rules.thanks"), null);
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
        store.groups().rules().accept(context.userId(), List.of(version.get().id()));
        store.groups().notices().resolveAll(context.userId(), Notice.Reason.RULES_NOT_ACCEPTED, "accepted");
        context.reply().show(context.texts().get("groups.rules.thanks"), null);
    }
}
