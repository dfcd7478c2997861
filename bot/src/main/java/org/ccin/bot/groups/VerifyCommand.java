package org.ccin.bot.groups;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Language;
import org.ccin.bot.i18n.Messages;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.members.Member;
import org.ccin.store.members.Verification;

/**
 * /verify (staff): the queue of members whose organisation or category is self-declared, one at a time, with
 * Approve and Reject ({@link VerifyButton}, staff only); the member is told the outcome.
 */
final class VerifyCommand extends CommandAdapter {
    private final GroupsData data;
    private final GroupActions actions;
    private final Messages messages;
    private final BotConfig config;

    VerifyCommand(GroupsData data, GroupActions actions, Messages messages, BotConfig config) {
        super("verify", Role.STAFF);
        this.data = data;
        this.actions = actions;
        this.messages = messages;
        this.config = config;
    }

    @Override
    public void handle(Context context) {
        showNext(context);
    }

    private void showNext(Context context) {
        Texts texts = context.texts();
        List<Member> queue = data.members().pendingVerification();
        if (queue.isEmpty()) {
            context.reply().show(texts.get("groups.verify.empty"), null);
            return;
        }
        Member member = queue.get(0);
        String language = texts.language().code();
        String organisation = member.organisationId().flatMap(data.organisations()::findById).map(o -> o.name())
                .or(() -> member.organisationOther().map(o -> o + " " + texts.plain("groups.verify.typed")))
                .orElse("–");
        String category = member.categoryCode().flatMap(data.referenceData()::category).map(c -> c.name(language))
                .orElse("–");
        String listed = member.organisationId().flatMap(data.organisations()::findById)
                .flatMap(o -> o.categoryCode()).flatMap(data.referenceData()::category).map(c -> c.name(language))
                .orElse("–");
        context.reply().show(texts.get("groups.verify.card", "count", queue.size(), "name", member.firstName(),
                "username", member.username().map(u -> "@" + u).orElse("–"), "organisation", organisation,
                "category", category, "listed", listed,
                "role", member.workRole().map(r -> texts.plain("role." + r.name().toLowerCase())).orElse("–")),
                Keyboard.create().row()
                        .button(texts.plain("groups.verify.approve"),
                                VerifyButton.SET.data(new VerifyButton.Approve(member.telegramUserId())))
                        .button(texts.plain("groups.verify.reject"),
                                VerifyButton.SET.data(new VerifyButton.Reject(member.telegramUserId())))
                        .build());
    }

    /** The buttons' handler: staff only, whatever the button says. */
    CallbackAction buttons() {
        return VerifyButton.SET.handlers().guard(StaffOnly.guard(config))
                .on(VerifyButton.Approve.class, (context, button) -> decide(context, button, true))
                .on(VerifyButton.Reject.class, (context, button) -> decide(context, button, false))
                .build();
    }

    private void decide(Context context, VerifyButton button, boolean approve) {
        Optional<Member> member = data.members().findByTelegramId(button.userId());
        if (member.isEmpty()) {
            context.reply().alert(context.texts().plain("button.unknown"));
            return;
        }
        if (member.get().verification() != Verification.PENDING) {
            context.reply().answer(context.texts().plain("groups.verify.done.already"));
            showNext(context);
            return;
        }
        data.members().setVerification(member.get().telegramUserId(),
                approve ? Verification.VERIFIED : Verification.REJECTED, Optional.of(context.userId()));
        data.auditLog().record(Optional.of(context.userId()), approve ? "verify.approve" : "verify.reject",
                Optional.empty(), Optional.of(member.get().telegramUserId()), "", "");
        Texts theirs = messages.in(Language.fromCode(member.get().language()).orElse(Language.EN));
        actions.tellLater(member.get().telegramUserId(),
                theirs.get(approve ? "groups.verify.you.approved" : "groups.verify.you.rejected"), null);
        showNext(context);
    }
}
