package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.List;

/**
 * The groups someone picked in /groups, and the rules versions they were shown: the conversation's state, kept
 * through {@link org.ccin.bot.routing.FlowState}.
 */
record JoinSelection(List<Long> groupIds, List<Long> shownRules) {
    JoinSelection {
        // a state saved without one of the lists reads as that list empty
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
        shownRules = shownRules == null ? List.of() : List.copyOf(shownRules);
    }

    static JoinSelection empty() {
        return new JoinSelection(List.of(), List.of());
    }

    JoinSelection toggle(long groupId) {
        List<Long> ids = new ArrayList<>(groupIds);
        if (!ids.remove(groupId)) {
            ids.add(groupId);
        }
        return new JoinSelection(ids, List.of());
    }

    JoinSelection shown(List<Long> rules) {
        return new JoinSelection(groupIds, rules);
    }
}
