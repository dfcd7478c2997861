package org.ccin.bot.knowledge;

import java.time.Clock;
import java.time.ZoneId;
import org.ccin.bot.routing.Features;
import org.ccin.store.Store;
import org.ccin.store.plan.MilestoneDates;

/** Wires the knowledge feature: its commands, buttons, the text handler and inline mode. */
public final class KnowledgeFeature {
    private KnowledgeFeature() {
    }

    public static void addTo(Features features, Store store, Clock clock, ZoneId zone, MilestoneDates dates) {
        CaseStudyPages pages = new CaseStudyPages(store.caseStudies(), store.synonyms(), store.topics(),
                store.referenceData());
        ActionsCommand actions = new ActionsCommand(store.plans(), clock, zone);
        CaseStudiesCommand caseStudies = new CaseStudiesCommand(pages, store.savedSearches(), store.caseStudies(),
                store.topics(), store.referenceData());
        PlanAnswers answers = new PlanAnswers(store.plans(), store.synonyms(), clock, zone, dates);
        features.command(actions).callback(actions)
                .command(caseStudies).callback(caseStudies)
                .command(new SynonymCommand(store.synonyms(), store.auditLog()))
                .text(new KnowledgeAnswers(KnowledgeAnswers.inOrder(answers, caseStudies, new UnknownFigures())))
                .event(new InlineCaseStudies(store.topics(), store.referenceData(), pages));
    }
}
