package org.ccin.bot.reminders;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.ccin.bot.delivery.StaffNotices;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.routing.StartLink;
import org.ccin.bot.telegram.BotIdentity;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.reminders.ClaimOutcome;
import org.ccin.store.reminders.LeadClaim;

/**
 * One-time claim links: staff make one for an action's lead and pass it on; whoever opens it in the bot is asked
 * to confirm that they are that lead ({@link ClaimButton}), and is then linked. A link works once and expires; a
 * forwarded or guessed link that was used already does nothing.
 */
final class ClaimLinks implements StartLink {
    static final String PREFIX = "lead-";

    private final RemindersData data;
    private final BotIdentity identity;
    private final Duration lifetime;
    private final StaffNotices staff;
    private final Clock clock;

    ClaimLinks(RemindersData data, BotIdentity identity, Duration lifetime, StaffNotices staff, Clock clock) {
        this.data = data;
        this.identity = identity;
        this.lifetime = lifetime;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    /** Staff asked for a link for this lead of this action. */
    void offer(Context context, Action action, String lead) {
        Optional<String> username = identity.username();
        if (username.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.claim.nousername"));
            return;
        }
        String token = data.leads().createClaim(action.id(), lead, context.userId(), lifetime);
        data.auditLog().record(Optional.of(context.userId()), "lead.claimlink", action.code(), lead);
        context.reply().send(context.texts().get("rem.claim.made", "code", action.code(), "lead", lead,
                "days", Math.max(1, lifetime.toDays()),
                "link", "https://t.me/" + username.get() + "?start=" + PREFIX + token));
    }

    @Override
    public void open(Context context, String token) {
        Optional<LeadClaim> claim = ClaimButton.TOKEN.matcher(token).matches() ? data.leads().claim(token)
                : Optional.empty();
        if (claim.isEmpty() || claim.get().claimedAt().isPresent()
                || !clock.instant().isBefore(claim.get().expiresAt())) {
            context.reply().send(context.texts().get("rem.claim.invalid"));
            return;
        }
        Optional<Action> action = data.plans().action(claim.get().actionId());
        if (action.isEmpty()) {
            context.reply().send(context.texts().get("rem.claim.invalid"));
            return;
        }
        context.reply().send(context.texts().get("rem.claim.ask", "code", action.get().code(),
                "text", action.get().text(), "lead", claim.get().leadName()),
                Keyboard.create().row()
                        .button(context.texts().plain("rem.claim.yes"), ClaimButton.SET.data(new ClaimButton.Yes(token)))
                        .button(context.texts().plain("rem.claim.no"), ClaimButton.SET.data(new ClaimButton.No(token)))
                        .build());
    }

    /** A tap on a claim's Yes or No, once its claim, its action and the member are found. */
    @FunctionalInterface
    private interface ClaimTap {
        void handle(Context context, LeadClaim claim, Action action, Member member);
    }

    CallbackAction buttons() {
        return ClaimButton.SET.handlers().unknown("rem.claim.invalid.short")
                .on(ClaimButton.Yes.class, found(this::redeem))
                .on(ClaimButton.No.class, found((context, claim, action, member) ->
                        context.reply().show(context.texts().get("rem.claim.declined"), Keyboard.create().build())))
                .build();
    }

    private <T extends ClaimButton> ButtonHandlers.Tap<T> found(ClaimTap tap) {
        return (context, button) -> {
            Optional<LeadClaim> claim = data.leads().claim(button.token());
            Optional<Member> member = data.members().findByTelegramId(context.userId());
            Optional<Action> action = claim.flatMap(c -> data.plans().action(c.actionId()));
            if (claim.isEmpty() || member.isEmpty() || action.isEmpty()) {
                context.reply().alert(context.texts().plain("rem.claim.invalid.short"));
                return;
            }
            tap.handle(context, claim.get(), action.get(), member.get());
        };
    }

    private void redeem(Context context, LeadClaim claim, Action action, Member member) {
        ClaimOutcome outcome = data.leads().redeem(claim.token(), member.id());
        switch (outcome) {
            case LINKED:
            case ALREADY_LINKED:
                context.reply().show(context.texts().get("rem.claim.done", "code", action.code(),
                        "lead", claim.leadName()), Keyboard.create().build());
                staff.tell("claimed:" + claim.token(), action.id(), texts -> texts.get("rem.staff.claimed",
                        "name", member.firstName(), "code", action.code(), "lead", claim.leadName()));
                return;
            default:
                context.reply().show(context.texts().get("rem.claim.invalid"), Keyboard.create().build());
        }
    }
}
