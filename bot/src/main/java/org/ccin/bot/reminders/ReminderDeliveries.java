package org.ccin.bot.reminders;

import org.ccin.bot.delivery.StaffNotices;
import java.util.Optional;
import org.ccin.bot.delivery.DeliveryListener;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.outbox.OutboxRow;
import org.ccin.store.outbox.OutboxStatus;
import org.ccin.store.plan.Action;
import org.ccin.store.plan.PlanRepository;

/**
 * A reminder that could not be delivered because the lead blocked the bot is reported to staff, once. The member
 * is marked unreachable by the dispatcher, so the sweep leaves them out: never retried forever.
 */
final class ReminderDeliveries implements DeliveryListener {
    private final PlanRepository plans;
    private final MemberRepository members;
    private final StaffNotices staff;

    ReminderDeliveries(PlanRepository plans, MemberRepository members, StaffNotices staff) {
        this.plans = plans;
        this.members = members;
        this.staff = staff;
    }

    @Override
    public void delivered(OutboxRow row, OutboxStatus outcome, Optional<Integer> messageId) {
        if (outcome != OutboxStatus.BLOCKED) {
            return;
        }
        Optional<Action> action = plans.actionOfMilestone(row.refId());
        Optional<Member> member = members.findByTelegramId(row.chatId());
        if (action.isEmpty() || member.isEmpty()) {
            return;
        }
        staff.tell("blocked:" + row.id(), action.get().id(),
                texts -> texts.get("rem.staff.blocked", "name", member.get().firstName(), "code", action.get().code()));
    }
}
