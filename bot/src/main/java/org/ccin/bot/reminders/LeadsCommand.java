package org.ccin.bot.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.ccin.bot.access.Role;
import org.ccin.bot.i18n.Texts;
import org.ccin.bot.routing.ButtonHandlers;
import org.ccin.bot.routing.CallbackAction;
import org.ccin.bot.routing.CommandAdapter;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.members.Member;
import org.ccin.store.plan.Action;
import org.ccin.store.reminders.LeadLink;

/**
 * /leads for staff: who stands behind an action's leads, and linking them (by @username, by picking a registered
 * member, or with a one-time claim link), unlinking, muting the action's reminders, and adding a reminder.
 * Every button ({@link LeadsButton}) checks again that the person is staff: button data is chosen by the client.
 */
final class LeadsCommand extends CommandAdapter {
    private static final int BUTTON_NAME_MAX = 28;

    private final RemindersData data;
    private final LeadSearchFlow search;
    private final BotConfig config;
    private final LeadIntroductions introductions;
    private final ClaimLinks claims;
    private final ReminderSweep sweep;
    private final ZoneId zone;
    private final Clock clock;

    LeadsCommand(RemindersData data, LeadSearchFlow search, BotConfig config, LeadIntroductions introductions,
                 ClaimLinks claims, ReminderSweep sweep, Clock clock) {
        super("leads", Role.STAFF);
        this.data = data;
        this.search = search;
        this.config = config;
        this.introductions = introductions;
        this.claims = claims;
        this.sweep = sweep;
        this.zone = config.zone();
        this.clock = clock;
    }

    // ------------------------------------------------------------------ typed

    @Override
    public void handle(Context context) {
        String[] words = context.incoming().commandArguments().split("\\s+");
        if (words[0].isEmpty()) {
            context.reply().send(context.texts().get("rem.leads.usage"));
            return;
        }
        Optional<Action> action = data.plans().byCode(words[0]).stream().findFirst();
        if (action.isEmpty()) {
            context.reply().send(context.texts().get("rem.leads.unknown", "code", words[0]));
            return;
        }
        if (words.length == 1) {
            show(context, action.get(), false);
        } else if (words[1].startsWith("@")) {
            linkByUsername(context, action.get(), words);
        } else if (words[1].equalsIgnoreCase("remind")) {
            addReminder(context, action.get(), words);
        } else {
            context.reply().send(context.texts().get("rem.leads.usage"));
        }
    }

    private void linkByUsername(Context context, Action action, String[] words) {
        Optional<Integer> position = leadPosition(action, words.length > 2 ? words[2] : null);
        if (position.isEmpty()) {
            context.reply().send(context.texts().get("rem.leads.which", "code", action.code(),
                    "leads", numbered(action)));
            return;
        }
        Optional<Member> member = data.members().findByUsername(words[1]);
        if (member.isEmpty()) {
            context.reply().send(context.texts().get("rem.leads.nobody", "username", words[1]));
            return;
        }
        link(context, action, position.get(), member.get(), LeadLink.Method.USERNAME);
        show(context, action, false);
    }

    /** {@code remind 2026-12-03 [10:00]}: one more reminder to the action's leads at that time. */
    private void addReminder(Context context, Action action, String[] words) {
        try {
            LocalDate date = LocalDate.parse(words.length > 2 ? words[2] : "");
            LocalTime time = words.length > 3 ? LocalTime.parse(words[3]) : config.reminders().workdayStart();
            Instant at = date.atTime(time).atZone(zone).toInstant();
            if (at.isBefore(clock.instant())) {
                context.reply().send(context.texts().get("rem.leads.remind.past"));
                return;
            }
            data.schedule().addExtra(action.id(), at, context.userId());
            context.reply().send(context.texts().get("rem.leads.remind.added", "code", action.code(),
                    "date", date.toString(), "time", time.toString()));
        } catch (DateTimeParseException e) {
            context.reply().send(context.texts().get("rem.leads.remind.usage", "code", action.code()));
        }
    }

    /** 1-based number of a named lead; without one, the only lead. */
    private static Optional<Integer> leadPosition(Action action, String number) {
        int count = Math.max(1, action.leads().size());
        if (number == null) {
            return count == 1 ? Optional.of(0) : Optional.empty();
        }
        try {
            int n = Integer.parseInt(number);
            return n >= 1 && n <= count ? Optional.of(n - 1) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String leadName(Action action, int position) {
        return position < action.leads().size() ? action.leads().get(position) : "Lead";
    }

    private static String numbered(Action action) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < action.leads().size(); i++) {
            text.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(action.leads().get(i));
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ the action's screen

    private void show(Context context, Action action, boolean edit) {
        Texts texts = context.texts();
        List<LeadLink> links = data.leads().links(action.id());
        boolean muted = data.schedule().isMuted(action.id());
        StringBuilder text = new StringBuilder(texts.get("rem.leads.title", "code", action.code(),
                "text", action.text()));
        text.append("\n\n").append(texts.get("rem.leads.named",
                "leads", action.leads().isEmpty() ? "-" : numbered(action)));
        text.append("\n\n").append(texts.get("rem.leads.linked", "count", links.size()));
        for (LeadLink link : links) {
            text.append('\n').append(texts.get(link.active() ? "rem.leads.link.active" : "rem.leads.link.declined",
                    "name", link.firstName(), "username", link.username().map(u -> " @" + u).orElse(""),
                    "lead", link.leadName()));
        }
        text.append("\n\n").append(texts.get(muted ? "rem.leads.muted" : "rem.leads.unmuted"));
        List<Instant> extras = data.schedule().upcomingExtras(action.id());
        if (!extras.isEmpty()) {
            text.append('\n').append(texts.get("rem.leads.extras", "count", extras.size()));
        }
        text.append("\n\n").append(texts.get("rem.leads.hint", "code", action.code()));
        Keyboard keyboard = Keyboard.create();
        int named = Math.max(1, action.leads().size());
        for (int i = 0; i < named; i++) {
            String lead = shorten(leadName(action, i));
            keyboard.row().button(texts.plain("rem.leads.button.pick", "lead", lead),
                    LeadsButton.SET.data(new LeadsButton.Pick(action.id(), i)))
                    .button(texts.plain("rem.leads.button.claim", "lead", lead),
                            LeadsButton.SET.data(new LeadsButton.Claim(action.id(), i)));
        }
        for (LeadLink link : links) {
            keyboard.row().button(texts.plain("rem.leads.button.unlink", "name", shorten(link.firstName())),
                    LeadsButton.SET.data(new LeadsButton.Unlink(link.id())));
        }
        keyboard.row().button(texts.plain(muted ? "rem.leads.button.unmute" : "rem.leads.button.mute"),
                LeadsButton.SET.data(muted ? new LeadsButton.Unmute(action.id()) : new LeadsButton.Mute(action.id())))
                .button(texts.plain("rem.leads.button.now"),
                        LeadsButton.SET.data(new LeadsButton.RemindNow(action.id())));
        if (edit) {
            context.reply().show(text.toString(), keyboard.build());
        } else {
            context.reply().send(text.toString(), keyboard.build());
        }
    }

    private static String shorten(String name) {
        return name.length() <= BUTTON_NAME_MAX ? name : name.substring(0, BUTTON_NAME_MAX - 1) + "…";
    }

    // ------------------------------------------------------------------ buttons

    /** A tap about one action, once it is found. */
    @FunctionalInterface
    private interface ActionTap<T> {
        void handle(Context context, T button, Action action);
    }

    CallbackAction buttons() {
        return LeadsButton.SET.handlers().unknown("rem.stale")
                .before(context -> {
                    if (!config.isStaff(context.userId())) {
                        context.reply().alert(context.texts().plain("access.staff.only"));
                        return false;
                    }
                    return true;
                })
                .on(LeadsButton.Pick.class, ofLead((context, button, action) ->
                        search.begin(context, action, button.position())))
                .on(LeadsButton.Claim.class, ofLead((context, button, action) ->
                        claims.offer(context, action, leadName(action, button.position()))))
                .on(LeadsButton.Link.class, ofLead(this::link))
                .on(LeadsButton.Unlink.class, (context, button) -> unlink(context, button.link()))
                .on(LeadsButton.Mute.class, ofAction((context, button, action) -> {
                    data.schedule().mute(action.id(), context.userId());
                    data.auditLog().record(Optional.of(context.userId()), "reminders.mute", action.code(), "");
                    show(context, action, true);
                }))
                .on(LeadsButton.Unmute.class, ofAction((context, button, action) -> {
                    data.schedule().unmute(action.id());
                    data.auditLog().record(Optional.of(context.userId()), "reminders.unmute", action.code(), "");
                    show(context, action, true);
                }))
                .on(LeadsButton.RemindNow.class, ofAction((context, button, action) -> remindNow(context, action)))
                .build();
    }

    /** Finds the button's action; when it is gone, the button is out of date. */
    private <T extends LeadsButton.OfAction> ButtonHandlers.Tap<T> ofAction(ActionTap<? super T> tap) {
        return (context, button) -> {
            Optional<Action> action = data.plans().action(button.action());
            if (action.isEmpty()) {
                context.reply().alert(context.texts().plain("rem.stale"));
                return;
            }
            tap.handle(context, button, action.get());
        };
    }

    /** As {@link #ofAction}, and the lead's position must be one of the action's (or 0 when it names none). */
    private <T extends LeadsButton.OfLead> ButtonHandlers.Tap<T> ofLead(ActionTap<? super T> tap) {
        return ofAction((context, button, action) -> {
            if (button.position() < 0 || button.position() >= Math.max(1, action.leads().size())) {
                context.reply().alert(context.texts().plain("rem.stale"));
                return;
            }
            tap.handle(context, button, action);
        });
    }

    private void link(Context context, LeadsButton.Link button, Action action) {
        Optional<Member> member = data.members().findById(button.member());
        if (member.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.stale"));
            return;
        }
        link(context, action, button.position(), member.get(), LeadLink.Method.PICKED);
        show(context, action, true);
    }

    private void remindNow(Context context, Action action) {
        if (data.schedule().isMuted(action.id())) {
            context.reply().alert(context.texts().plain("rem.leads.now.muted"));
            return;
        }
        data.schedule().addExtra(action.id(), clock.instant(), context.userId());
        int queued = sweep.run();
        context.reply().answer(context.texts().plain(queued > 0 ? "rem.leads.now.sent" : "rem.leads.now.later"));
    }

    private void unlink(Context context, long linkId) {
        Optional<LeadLink> removed = data.leads().unlink(linkId);
        if (removed.isEmpty()) {
            context.reply().alert(context.texts().plain("rem.stale"));
            return;
        }
        // the person in the column of its own (found by /audit @them, cleared by their erasure), not in the words
        Optional<Action> action = data.plans().action(removed.get().actionId());
        data.auditLog().record(Optional.of(context.userId()), "lead.unlink", Optional.empty(),
                Optional.of(removed.get().telegramUserId()),
                action.map(Action::code).orElse(String.valueOf(removed.get().actionId())), removed.get().leadName());
        action.ifPresent(a -> show(context, a, true));
        context.reply().answer(context.texts().plain("rem.leads.unlinked", "name", removed.get().firstName()));
    }

    private void link(Context context, Action action, int position, Member member, LeadLink.Method how) {
        String lead = leadName(action, position);
        boolean changed = data.leads().link(action.id(), lead, member.id(), how,
                Optional.of(context.userId()));
        data.auditLog().record(Optional.of(context.userId()), "lead.link", Optional.empty(),
                Optional.of(member.telegramUserId()), action.code(), lead);
        if (!changed) {
            context.reply().send(context.texts().get("rem.leads.already", "name", member.firstName(),
                    "code", action.code()));
            return;
        }
        boolean reachable = member.unreachableAt().isEmpty();
        context.reply().send(context.texts().get(reachable ? "rem.leads.linked.done" : "rem.leads.linked.blocked",
                "name", member.firstName(), "code", action.code(), "lead", lead));
        if (reachable) {
            introductions.introduce(member, action, lead, context.reply());
        }
    }
}
