package org.ccin.store.groups;

import java.util.List;
import org.ccin.store.members.WorkRole;

/** What staff set for a group: its place in the catalogue and who may join. */
public record GroupSettings(GroupKind kind, String titleEn, String titleCy, String purposeEn, String purposeCy,
                            List<String> allowedCategories, List<WorkRole> allowedRoles, boolean networkMembersOnly,
                            boolean verifiedOnly, boolean chathamHouse, boolean removeOnRulesLapse) {

    public static GroupSettings of(ChatGroup group) {
        return new GroupSettings(group.kind(), group.titleEn(), group.titleCy(), group.purposeEn(), group.purposeCy(),
                group.allowedCategories(), group.allowedRoles(), group.networkMembersOnly(), group.verifiedOnly(),
                group.chathamHouse(), group.removeOnRulesLapse());
    }
}
