package org.ccin.store.groups;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ccin.store.members.WorkRole;

/**
 * One of the network's groups.
 *
 * @param chatId the Telegram supergroup, once registered
 * @param allowedCategories membership category codes that may join (empty: any)
 * @param allowedRoles work roles that may join (empty: any)
 * @param networkMembersOnly only people of organisations that are members of the network (or verified by staff)
 * @param verifiedOnly only people whose organisation and category staff verified
 * @param removeOnRulesLapse members who do not accept new rules within the grace period are removed
 */
public record ChatGroup(long id, String code, Optional<Long> chatId, GroupKind kind, String titleEn, String titleCy,
                        String purposeEn, String purposeCy, List<String> allowedCategories, List<WorkRole> allowedRoles,
                        boolean networkMembersOnly, boolean verifiedOnly, boolean chathamHouse,
                        boolean removeOnRulesLapse, Optional<Integer> welcomeThreadId,
                        Optional<Integer> lastWelcomeMessageId, Optional<Instant> welcomeBurstStarted,
                        GroupStatus status) {

    public String title(String language) {
        return "cy".equals(language) && !titleCy.isBlank() ? titleCy : titleEn;
    }

    public String purpose(String language) {
        return "cy".equals(language) && !purposeCy.isBlank() ? purposeCy : purposeEn;
    }

    public boolean isActive() {
        return status == GroupStatus.ACTIVE && chatId.isPresent();
    }
}
