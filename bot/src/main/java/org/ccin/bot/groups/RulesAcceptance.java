package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.Groups;
import org.ccin.store.groups.Notice;
import org.ccin.store.groups.RulesVersion;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/**
 * The Accept buttons under changed rules ({@link RulesButton}): Accept of a version records it if it is still the
 * current one; Accept of a group (in a reminder) records every current version of that group. Either records only
 * versions whose full text was sent to the person who taps: a forged tap by someone never shown them records
 * nothing, and rules changed since the reminder are shown again first.
 */
final class RulesAcceptance {
    private final Groups groups;
    private final GroupWords words;

    RulesAcceptance(Groups groups, GroupWords words) {
        this.groups = groups;
        this.words = words;
    }

    /** The buttons' handler. */
    CallbackAction buttons() {
        return RulesButton.SET.handlers()
                .on(RulesButton.AcceptVersion.class, this::acceptVersion)
                .on(RulesButton.AcceptGroup.class, this::acceptForGroup)
                .build();
    }

    private void acceptVersion(Context context, RulesButton.AcceptVersion button) {
        Optional<RulesVersion> version = groups.rules().find(button.versionId());
        if (version.isEmpty() || !version.get().published()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        Optional<RulesVersion> current = groups.rules().current(version.get().groupId());
        if (current.isEmpty() || current.get().id() != version.get().id()) {
            context.reply().alert(context.texts().plain("groups.rules.newer"));
            return;
        }
        if (!groups.rules().acceptShown(context.userId(), List.of(version.get().id()))) {
            context.reply().alert(context.texts().plain("groups.rules.unseen"));
            return;
        }
        accepted(context);
    }

    private void acceptForGroup(Context context, RulesButton.AcceptGroup button) {
        Optional<ChatGroup> group = groups.catalogue().find(button.groupId());
        if (group.isEmpty() || !groups.memberships().isIn(group.get().id(), context.userId())) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        List<Long> current = groups.rules().currentFor(group.get().id()).stream().map(RulesVersion::id).toList();
        if (!groups.rules().acceptShown(context.userId(), current)) {
            // the rules changed after this reminder was sent: the new text first, then the button again
            Texts texts = context.texts();
            groups.rules().shown(context.userId(), current);
            context.reply().alert(texts.plain("groups.rules.read.first"));
            context.reply().show(texts.get("groups.rules.changed.since", "group",
                    group.get().title(texts.language().code())) + "\n\n" + words.rules(List.of(group.get()), texts),
                    acceptButton(group.get(), texts));
            return;
        }
        accepted(context);
    }

    /** The Accept button under the rules of a group (a reminder, or rules changed since). */
    static InlineKeyboardMarkup acceptButton(ChatGroup group, Texts texts) {
        return Keyboard.create().row().button(texts.plain("groups.rules.accept"),
                RulesButton.SET.data(new RulesButton.AcceptGroup(group.id()))).build();
    }

    /** The Accept button under a newly published version, in the ask to each member of the groups concerned. */
    static InlineKeyboardMarkup acceptButton(RulesVersion version, Texts texts) {
        return Keyboard.create().row().button(texts.plain("groups.rules.accept"),
                RulesButton.SET.data(new RulesButton.AcceptVersion(version.id()))).build();
    }

    private void accepted(Context context) {
        groups.notices().resolveAll(context.userId(), Notice.Reason.RULES_NOT_ACCEPTED, "accepted");
        context.reply().show(context.texts().get("groups.rules.thanks"), null);
    }
}
