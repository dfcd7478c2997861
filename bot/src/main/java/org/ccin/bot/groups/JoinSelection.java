package org.ccin.bot.groups;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The groups someone picked in /groups, and the rules versions they were shown: kept as the conversation's state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record JoinSelection(List<Long> groupIds, List<Long> shownRules) {
    private static final ObjectMapper JSON = new ObjectMapper();

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

    String json() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JoinSelection parse(String json) {
        try {
            JoinSelection selection = JSON.readValue(json, JoinSelection.class);
            return new JoinSelection(selection.groupIds() == null ? List.of() : selection.groupIds(),
                    selection.shownRules() == null ? List.of() : selection.shownRules());
        } catch (JsonProcessingException e) {
            return empty();
        }
    }
}
