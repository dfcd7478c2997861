package org.ccin.store.groups;

import java.util.List;
import org.ccin.store.members.WorkRole;

/** What staff set for a group: its place in the catalogue and who may join. */
public record GroupSettings(GroupKind kind, String titleEn, String titleCy, String purposeEn, String purposeCy,
                            List<String> allowedCategories, List<WorkRole> allowedRoles, boolean networkMembersOnly,
                            boolean verifiedOnly, boolean chathamHouse, boolean removeOnRulesLapse) {

    public GroupSettings withKind(GroupKind value) {
        return new GroupSettings(value, titleEn, titleCy, purposeEn, purposeCy, allowedCategories, allowedRoles,
                networkMembersOnly, verifiedOnly, chathamHouse, removeOnRulesLapse);
    }

    public GroupSettings withPurpose(String value) {
        return new GroupSettings(kind, titleEn, titleCy, value, purposeCy, allowedCategories, allowedRoles,
                networkMembersOnly, verifiedOnly, chathamHouse, removeOnRulesLapse);
    }

    public GroupSettings withCategories(List<String> value) {
        return new GroupSettings(kind, titleEn, titleCy, purposeEn, purposeCy, value, allowedRoles,
                networkMembersOnly, verifiedOnly, chathamHouse, removeOnRulesLapse);
    }

    public GroupSettings withRoles(List<WorkRole> value) {
        return new GroupSettings(kind, titleEn, titleCy, purposeEn, purposeCy, allowedCategories, value,
                networkMembersOnly, verifiedOnly, chathamHouse, removeOnRulesLapse);
    }

    /** The same settings with one yes/no setting switched: n(etwork members only), v(erified only), h (Chatham
     * House), l(apse: remove when new rules are not accepted). */
    public GroupSettings toggled(char flag) {
        return new GroupSettings(kind, titleEn, titleCy, purposeEn, purposeCy, allowedCategories, allowedRoles,
                networkMembersOnly ^ flag == 'n', verifiedOnly ^ flag == 'v', chathamHouse ^ flag == 'h',
                removeOnRulesLapse ^ flag == 'l');
    }

    public static GroupSettings of(ChatGroup group) {
        return new GroupSettings(group.kind(), group.titleEn(), group.titleCy(), group.purposeEn(), group.purposeCy(),
                group.allowedCategories(), group.allowedRoles(), group.networkMembersOnly(), group.verifiedOnly(),
                group.chathamHouse(), group.removeOnRulesLapse());
    }
}
