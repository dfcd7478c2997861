package org.ccin.store.importing;

import java.util.List;
import java.util.Set;
import org.ccin.store.casestudies.Topic;
import org.ccin.store.casestudies.TopicRepository;
import org.jdbi.v3.core.Handle;

/** Topics of the library: code, name, nameCy, synonyms (a list). */
public final class TopicsSection implements ImportSection {
    @Override
    public String name() {
        return "topics";
    }

    @Override
    public Set<String> requiredCsvColumns() {
        return Set.of("code", "name", "nameCy", "synonyms");
    }

    @Override
    public SectionCounts apply(Handle handle, List<ImportRow> rows) {
        SectionCounts counts = SectionCounts.empty(name());
        int order = 0;
        for (ImportRow row : rows) {
            order++;
            String code = Codes.code(row);
            String nameEn = row.required("name");
            Topic topic = new Topic(code, nameEn, row.optional("nameCy").orElse(nameEn), row.list("synonyms"),
                    row.integer("order", order));
            counts = counts.plus(TopicRepository.upsert(handle, topic));
        }
        return counts;
    }
}
