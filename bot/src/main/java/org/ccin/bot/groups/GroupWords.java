package org.ccin.bot.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import org.ccin.bot.i18n.Html;
import org.ccin.bot.i18n.Texts;
import org.ccin.store.groups.ChatGroup;
import org.ccin.store.groups.RulesRepository;
import org.ccin.store.groups.RulesVersion;
import org.ccin.store.members.Member;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.organisations.Organisation;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.reference.ReferenceDataRepository;

/** Groups in words: why someone may not join, and the rules of engagement for a set of groups. Thread-safe. */
final class GroupWords {
    private final MemberRepository members;
    private final OrganisationRepository organisations;
    private final ReferenceDataRepository referenceData;
    private final RulesRepository rules;

    GroupWords(MemberRepository members, OrganisationRepository organisations, ReferenceDataRepository referenceData,
               RulesRepository rules) {
        this.members = members;
        this.organisations = organisations;
        this.referenceData = referenceData;
        this.rules = rules;
    }

    List<Eligibility.Reason> check(long userId, ChatGroup group) {
        Optional<Member> member = members.findByTelegramId(userId);
        Optional<Organisation> organisation = member.flatMap(Member::organisationId)
                .flatMap(organisations::findById);
        return Eligibility.check(member, organisation, group);
    }

    /**
     * Who the group is for, as far as the person misses it, as the end of a sentence that begins "This group is":
     * "for officers and for members in the Full Member or Associate Member category".
     */
    String why(List<Eligibility.Reason> reasons, ChatGroup group, Texts texts) {
        String language = texts.language().code();
        List<String> parts = new ArrayList<>();
        for (Eligibility.Reason reason : reasons) {
            switch (reason) {
                case CATEGORY:
                    parts.add(texts.plain("groups.why.categories", "categories", NaturalList.or(group.allowedCategories()
                            .stream().map(code -> referenceData.category(code).map(c -> c.name(language))
                                    .orElse(code)).toList(), texts)));
                    break;
                case ROLE:
                    parts.add(texts.plain("groups.why.roles", "roles", NaturalList.and(group.allowedRoles().stream()
                            .map(r -> texts.plain("groups.role." + r.name().toLowerCase(Locale.ROOT))).toList(), texts)));
                    break;
                default:
                    parts.add(texts.plain("groups.why." + reason.name().toLowerCase(Locale.ROOT)));
            }
        }
        return NaturalList.and(parts, texts);
    }

    /** The network's rules followed by each group's own additions, as one text. */
    String rules(List<ChatGroup> groups, Texts texts) {
        String language = texts.language().code();
        StringBuilder text = new StringBuilder(rules.currentNetwork().map(r -> r.text(language))
                .orElse(texts.get("groups.rules.none")));
        for (ChatGroup group : groups) {
            rules.currentAdditions(group.id()).ifPresent(additions -> text.append("\n\n")
                    .append(texts.get("groups.rules.additions", "group", group.title(language))).append('\n')
                    .append(additions.text(language)));
        }
        return text.toString();
    }

    /** The ids of the rules versions that {@link #rules} shows for these groups: what an acceptance covers. */
    List<Long> versionIds(List<ChatGroup> groups) {
        List<Long> ids = new ArrayList<>();
        rules.currentNetwork().map(RulesVersion::id).ifPresent(ids::add);
        for (ChatGroup group : groups) {
            rules.currentAdditions(group.id()).map(RulesVersion::id).ifPresent(ids::add);
        }
        return ids;
    }

    static String escapedTitle(ChatGroup group, Texts texts) {
        return Html.escape(group.title(texts.language().code()));
    }
}
