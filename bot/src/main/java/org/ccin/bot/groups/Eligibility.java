package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.members.Member;
import org.ccin.store.members.Verification;
import org.ccin.store.organisations.Organisation;

/**
 * Who may join a group: registered; of an allowed membership category and role; of an organisation in the network
 * (or verified by staff) for member-only groups; verified, where the group asks. Pure logic.
 */
final class Eligibility {
    private Eligibility() {
    }

    /** Why someone may not join; none when they may. */
    enum Reason { NOT_REGISTERED, CATEGORY, ROLE, NOT_IN_NETWORK, NOT_VERIFIED }

    static List<Reason> check(Optional<Member> member, Optional<Organisation> organisation, ChatGroup group) {
        List<Reason> reasons = new ArrayList<>();
        if (member.isEmpty() || !member.get().isRegistered()) {
            reasons.add(Reason.NOT_REGISTERED);
            return reasons;
        }
        Member m = member.get();
        if (!group.allowedCategories().isEmpty()
                && !m.categoryCode().map(group.allowedCategories()::contains).orElse(false)) {
            reasons.add(Reason.CATEGORY);
        }
        if (!group.allowedRoles().isEmpty() && !m.workRole().map(r -> group.allowedRoles().contains(r)).orElse(false)) {
            reasons.add(Reason.ROLE);
        }
        boolean verified = m.verification() == Verification.VERIFIED;
        if (group.networkMembersOnly()) {
            boolean listedMember = organisation.map(Organisation::networkMember).orElse(false);
            // someone who typed an organisation not in the list is in the network once staff verified them
            boolean typedButVerified = organisation.isEmpty() && verified;
            if (!listedMember && !typedButVerified) {
                reasons.add(Reason.NOT_IN_NETWORK);
            }
        }
        if (group.verifiedOnly() && !verified) {
            reasons.add(Reason.NOT_VERIFIED);
        }
        return reasons;
    }
}
