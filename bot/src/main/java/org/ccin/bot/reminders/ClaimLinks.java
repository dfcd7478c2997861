package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CallbackData;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.bot.routing.StartLink;
import org.ccin.bot.telegram.BotIdentity;
import org.ccin.store.Store;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.reminders.ClaimOutcome;
import org.ccin.store.reminders.LeadClaim;

/**
 * One-time claim links: staff make one for an action's lead and pass it on; whoever opens it in the bot is asked
 * to confirm that they are that lead, and is then linked. A link works once and expires; a forwarded or guessed
 * link that was used already does nothing.
 */
final class ClaimLinks implements StartLink, CallbackAction {
    static final String PREFIX = "lead-";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9]{10,40}");

    private final Store store;
    private final BotIdentity identity;
    private final Duration lifetime;
    private final StaffNotices staff;

    ClaimLinks(Store store, BotIdentity identity, Duration lifetime, StaffNotices staff) {
        this.store = store;
        this.identity = identity;
        this.lifetime = lifetime;
        this.staff = staff;
    }

    @Override
    public String prefix() {
        return PREFIX;
    }

    @Override
    public String feature() {
        return "lc";
    }

    /** Staff asked for a link for this lead of this action. */
    void offer(Context context, Action action, String lead) {
        Optional<String> username = identity.username();
        if (username.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.claim.nousername"));
            return;
        }
        String token = store.reminders().leads().createClaim(action.id(), lead, context.userId(), lifetime);
        store.auditLog().record(Optional.of(context.userId()), "lead.claimlink", action.code(), lead);
        context.reply().send(context.texts().get("rem.claim.made", "code", action.code(), "lead", lead,
                "days", Math.max(1, lifetime.toDays()),
                "link", "https://t.me/" + username.get() + "?start=" + PREFIX + token));
    }

    @Override
    public void open(Context context, String token) {
        Optional<LeadClaim> claim = TOKEN.matcher(token).matches() ? store.reminders().leads().claim(token)
                : Optional.empty();
        if (claim.isEmpty() || claim.get().claimedAt().isPresent()
                || !store.clock().instant().isBefore(claim.get().expiresAt())) {
            context.reply().send(context.texts().get("rem.claim.invalid"));
            return;
        }
        Optional<Action> action = store.plans().action(claim.get().actionId());
        if (action.isEmpty()) {
            context.reply().send(context.texts().get("rem.claim.invalid"));
            return;
        }
        context.reply().send(context.texts().get("rem.claim.ask", "code", action.get().code(),
                "text", action.get().text(), "lead", claim.get().leadName()),
                Keyboard.create().row().button(context.texts().plain("rem.claim.yes"), CallbackData.of("lc", "yes", token))
                        .button(context.texts().plain("rem.claim.no"), CallbackData.of("lc", "no", token)).build());
    }

    @Override
    public void handle(Context context, CallbackData data) {
        Optional<String> token = data.arg(0).filter(t -> TOKEN.matcher(t).matches());
        Optional<LeadClaim> claim = token.flatMap(store.reminders().leads()::claim);
        Optional<Member> member = store.members().findByTelegramId(context.userId());
        if (claim.isEmpty() || member.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.claim.invalid.short"));
            return;
        }
        Optional<Action> action = store.plans().action(claim.get().actionId());
        if (action.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.claim.invalid.short"));
            return;
        }
        if (data.action().equals("no")) {
            context.reply().show(context.texts().get("rem.claim.declined"), Keyboard.create().build());
            return;
        }
        ClaimOutcome outcome = store.reminders().leads().redeem(token.get(), member.get().id());
        switch (outcome) {
            case LINKED:
            case ALREADY_LINKED:
                context.reply().show(context.texts().get("rem.claim.done", "code", action.get().code(),
                        "lead", claim.get().leadName()), Keyboard.create().build());
                staff.tell("claimed:" + token.get(), action.get().id(), texts -> texts.get("rem.staff.claimed",
                        "name", member.get().firstName(), "code", action.get().code(), "lead", claim.get().leadName()));
                return;
            default:
                context.reply().show(context.texts().get("rem.claim.invalid"), Keyboard.create().build());
        }
    }
}
