package org.ccin.bot.reminders;

import java.util.EnumSet;
import java.util.Set;
import org.ccin.bot.access.Role;
import org.ccin.bot.access.RoleSource;
import org.ccin.store.reminders.LeadRepository;

/** Someone linked to an action (and who has not said "Not me") is a lead. */
final class LeadRoles implements RoleSource {
    private final LeadRepository leads;

    LeadRoles(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public Set<Role> rolesOf(long telegramUserId) {
        return leads.isLead(telegramUserId) ? EnumSet.of(Role.LEAD) : EnumSet.noneOf(Role.class);
    }
}
