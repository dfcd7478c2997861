package org.ccin.bot.reminders;

import java.util.List;
import java.util.Optional;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.ConversationFlow;
import org.ccin.bot.routing.FlowState;
import org.ccin.bot.routing.Keyboard;
import org.ccin.config.BotConfig;
import org.ccin.store.conversations.Conversation;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.PlanRepository;

/**
 * /leads' "Pick for …": staff type part of a name or @username and get the registered members who match, each a
 * {@link LeadsButton.Link} button. Which lead of which action they pick for ({@link Picking}) lives in the
 * conversation.
 */
final class LeadSearchFlow implements ConversationFlow {
    static final String FLOW = "ldpick";
    private static final String NAME = "name";
    private static final int PICK_LIMIT = 8;

    /** Which lead (by position) of which action staff are picking a member for. */
    record Picking(long action, int position) {
    }

    private final PlanRepository plans;
    private final MemberRepository members;
    private final FlowState<Picking> picking;
    private final BotConfig config;

    LeadSearchFlow(PlanRepository plans, MemberRepository members, ConversationRepository conversations,
                   BotConfig config) {
        this.plans = plans;
        this.members = members;
        this.picking = new FlowState<>(conversations, FLOW, Picking.class);
        this.config = config;
    }

    @Override
    public String flow() {
        return FLOW;
    }

    void begin(Context context, Action action, int position) {
        picking.save(context, NAME, new Picking(action.id(), position));
        context.reply().send(context.texts().get("rem.leads.pick.ask",
                "lead", LeadsCommand.leadName(action, position)));
    }

    @Override
    public void onMessage(Context context, Conversation conversation) {
        if (!config.isStaff(context.userId())) {
            picking.end(context);
            return;
        }
        // a state that no longer reads (saved by an older version) is answered as an expired search: start again
        Optional<Picking> state = picking.read(conversation);
        if (state.isEmpty()) {
            picking.end(context);
            context.reply().send(context.texts().get("rem.leads.pick.expired"));
            return;
        }
        Optional<Action> action = plans.action(state.get().action());
        int position = state.get().position();
        Optional<String> words = context.incoming().text().map(String::strip).filter(t -> !t.isEmpty());
        if (action.isEmpty() || words.isEmpty()) {
            context.reply().send(context.texts().get("rem.leads.pick.words"));
            return;
        }
        String query = words.get().startsWith("@") ? words.get().substring(1) : words.get();
        List<Member> found = members.searchRegistered(query, PICK_LIMIT);
        if (found.isEmpty()) {
            context.reply().send(context.texts().get("rem.leads.pick.none", "words", words.get()));
            return;
        }
        picking.end(context);
        Keyboard keyboard = Keyboard.create();
        for (Member member : found) {
            keyboard.row().button(member.firstName() + member.username().map(u -> " @" + u).orElse(""),
                    LeadsButton.SET.data(new LeadsButton.Link(action.get().id(), position, member.id())));
        }
        context.reply().send(context.texts().get("rem.leads.pick.choose", "lead",
                LeadsCommand.leadName(action.get(), position)), keyboard.build());
    }
}
