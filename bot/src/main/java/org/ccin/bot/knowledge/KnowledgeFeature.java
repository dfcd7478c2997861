package org.ccin.bot.knowledge;

import java.time.Clock;
import java.time.ZoneId;
import org.ccin.bot.Feature;
import org.ccin.bot.Services;
import org.ccin.bot.routing.Features;
import org.ccin.store.Store;
import org.ccin.store.casestudies.CaseStudySearch;
import org.ccin.store.casestudies.SearchPage;
import org.ccin.store.casestudies.TopicRepository;
import org.ccin.store.plan.MilestoneDates;
import org.ccin.store.reference.ReferenceDataRepository;

/** Wires the knowledge feature: its commands, buttons, the text handler and inline mode. */
public final class KnowledgeFeature implements Feature {
    @Override
    public int helpOrder() {
        return 40;
    }

    /**
     * A question to the library as the bot reads it (filters typed in words, then words and meaning): for the
     * library benchmark, which must measure what members get.
     */
    public static SearchPage askLibrary(TopicRepository topics, ReferenceDataRepository referenceData,
            CaseStudySearch library, String text, int limit) {
        TypedFilters.Parsed parsed = TypedFilters.parse(text, topics.all(), referenceData.regions());
        return library.find(parsed.words(), parsed.filters(), 0, limit);
    }

    @Override
    public void addTo(Features features, Services services) {
        Store store = services.store();
        Clock clock = services.clock();
        ZoneId zone = services.config().zone();
        MilestoneDates dates = new MilestoneDates(services.config().plan().seasonEnds());
        CaseStudyPages pages = new CaseStudyPages(store.caseStudySearch(), store.topics(), store.referenceData());
        ActionsCommand actions = new ActionsCommand(store.plans(), clock, zone);
        CaseStudiesCommand caseStudies = new CaseStudiesCommand(pages, store.savedSearches(), store.caseStudies(),
                store.topics(), store.referenceData());
        PlanAnswers answers = new PlanAnswers(store.plans(), store.synonyms(), clock, zone, dates);
        features.command(actions).callback(actions.buttons())
                .command(caseStudies).callback(caseStudies.buttons())
                .command(new SynonymCommand(store.synonyms(), store.auditLog()))
                .text(new KnowledgeAnswers(KnowledgeAnswers.inOrder(answers, caseStudies, new UnknownFigures())))
                .event(new InlineCaseStudies(store.topics(), store.referenceData(), pages));
    }
}
