package org.ccin.store.importing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.ccin.store.casestudies.CaseStudyData;
import org.ccin.store.casestudies.CaseStudyKind;
import org.ccin.store.casestudies.CaseStudyRepository;
import org.jdbi.v3.core.Handle;

/**
 * Case studies: slug, title, type (case study, policy lab, policy prototype), summary, body, link, councils,
 * region, topics, year.
 */
public final class CaseStudiesSection implements ImportSection {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private final CaseStudyRepository caseStudies;

    public CaseStudiesSection(CaseStudyRepository caseStudies) {
        this.caseStudies = caseStudies;
    }

    @Override
    public String name() {
        return "caseStudies";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("slug", "title", "type", "summary");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        Set<String> seen = new HashSet<>();
        for (ImportRow row : rows) {
            String slug = row.required("slug");
            String title = row.required("title");
            if (slug.isEmpty() || title.isEmpty()) {
                continue;
            }
            if (!SLUG.matcher(slug).matches()) {
                row.problem("'slug' must be lower-case letters, digits and dashes, not '" + slug + "'");
                continue;
            }
            if (!seen.add(slug)) {
                row.problem("case study '" + slug + "' appears twice");
                continue;
            }
            Optional<CaseStudyKind> kind = CaseStudyRepository.kindNamed(row.optional("type").orElse("case study"));
            if (kind.isEmpty()) {
                row.problem("'type' must be case study, policy lab or policy prototype");
                continue;
            }
            Optional<String> link = row.optional("link");
            if (link.isPresent() && !LINK.matcher(link.get()).matches()) {
                row.problem("'link' must be an http(s) address");
            }
            Optional<String> region = row.optional("region");
            if (region.isPresent() && !PlanLookups.exists(handle, "regions", region.get())) {
                row.problem("unknown region '" + region.get() + "'");
            }
            List<String> topics = row.list("topics");
            topics.stream().filter(t -> !PlanLookups.exists(handle, "topics", t))
                    .forEach(t -> row.problem("unknown topic '" + t + "'"));
            Optional<Integer> year = row.has("year") ? Optional.of(row.integer("year", 0)) : Optional.empty();
            CaseStudyData data = new CaseStudyData(slug, title, kind.get(), row.optional("summary").orElse(""),
                    row.optional("body").orElse(""), link, region, year, row.list("councils"), topics);
            counts = counts.plus(caseStudies.upsert(handle, data));
        }
        return counts;
    }
}
