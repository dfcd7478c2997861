package org.ccin.store.importing;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.ccin.store.groups.GroupKind;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.groups.GroupSettings;
import org.ccin.store.groups.RulesRepository;
import org.ccin.store.members.WorkRole;
import org.jdbi.v3.core.Handle;

/**
 * The catalogue of groups: code, kind (theme, sector, region, category), title, titleCy, purpose, purposeCy,
 * categories and roles that may join (lists; empty: any), networkMembersOnly, verifiedOnly, chathamHouse,
 * removeOnRulesLapse, and the group's own rules (rules, rulesCy) added to the network's.
 */
public final class GroupsSection implements ImportSection {
    private final GroupRepository groups;
    private final Clock clock;

    public GroupsSection(GroupRepository groups, Clock clock) {
        this.groups = groups;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "groups";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("code", "kind", "title", "purpose");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        Set<String> seen = new HashSet<>();
        for (ImportRow row : rows) {
            String code = Codes.code(row);
            if (code.isEmpty() || !seen.add(code)) {
                if (!code.isEmpty()) {
                    row.problem("group '" + code + "' appears twice");
                }
                continue;
            }
            GroupKind kind;
            try {
                kind = GroupKind.valueOf(row.optional("kind").orElse("theme").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                row.problem("'kind' must be theme, sector, region or category");
                continue;
            }
            List<String> categories = row.list("categories");
            categories.stream().filter(c -> !PlanLookups.exists(handle, "membership_categories", c))
                    .forEach(c -> row.problem("unknown membership category '" + c + "'"));
            List<WorkRole> roles = new ArrayList<>();
            for (String role : row.list("roles")) {
                try {
                    roles.add(WorkRole.valueOf(role.toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    row.problem("unknown role '" + role + "'; use councillor, officer or other");
                }
            }
            String title = row.required("title");
            GroupSettings settings = new GroupSettings(kind, title, row.optional("titleCy").orElse(""),
                    row.optional("purpose").orElse(""), row.optional("purposeCy").orElse(""), categories, roles,
                    row.flag("networkMembersOnly", true), row.flag("verifiedOnly", false),
                    row.flag("chathamHouse", false), row.flag("removeOnRulesLapse", false));
            counts = counts.plus(groups.upsert(handle, code, settings));
            Optional<String> rules = row.optional("rules");
            if (rules.isPresent()) {
                long id = handle.createQuery("SELECT id FROM chat_groups WHERE code = :code").bind("code", code)
                        .mapTo(Long.class).one();
                RulesRepository.importText(handle, Optional.of(id), rules.get(),
                        row.optional("rulesCy").orElse(rules.get()), clock.instant());
            }
        }
        return counts;
    }
}
