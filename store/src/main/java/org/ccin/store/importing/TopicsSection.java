package org.ccin.store.importing;

import java.util.Optional;
import java.util.Set;
import org.ccin.store.UpsertOutcome;
import org.ccin.store.casestudies.Topic;
import org.ccin.store.casestudies.TopicRepository;
import org.jdbi.v3.core.Handle;

/** Topics of the library: code, name, nameCy, synonyms (a list). */
public final class TopicsSection extends NamedRowsSection<Topic> {
    public TopicsSection() {
        super("topics", Set.of("code", "name", "nameCy", "synonyms"));
    }

    @Override
    Optional<Topic> read(ImportRow row, Named named) {
        return Optional.of(new Topic(named.code(), named.name(), named.nameCy(), row.list("synonyms"), named.order()));
    }

    @Override
    UpsertOutcome upsert(Handle handle, Topic topic) {
        return TopicRepository.upsert(handle, topic);
    }
}
