package org.ccin.bot.knowledge;

import java.util.List;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.TextHandler;

/**
 * Plain text a person types, understood before it is answered: each {@link QuestionAnswerer} of
 * {@link #inOrder} in turn recognises its kind of question or passes it on, and the case-study library answers what
 * nobody recognised.
 */
final class KnowledgeAnswers implements TextHandler {
    private final List<QuestionAnswerer> answerers;

    KnowledgeAnswers(List<QuestionAnswerer> answerers) {
        this.answerers = List.copyOf(answerers);
    }

    /**
     * The order questions are recognised in. Figures come before the plan, so "how many full council members do we
     * have" is never answered with plan cards; a measures feature replaces {@code figures} here with its own answerer.
     */
    static List<QuestionAnswerer> inOrder(PlanAnswers plan, CaseStudiesCommand caseStudies, QuestionAnswerer figures) {
        return List.of(
                // "theme:health region:wales" filters the library
                (context, text) -> CaseStudyRequest.hasTypedFilter(text) && library(context, caseStudies, text),
                // "how many full council members do we have now?"
                figures,
                // "housing case studies", "examples of community energy"
                (context, text) -> CaseStudyRequest.words(text)
                        .map(words -> library(context, caseStudies, words)).orElse(false),
                // "who leads the welcome pack?", "what was due in autumn 2024?", "beth sy'n hwyr?"
                plan::answerQuestion,
                // "welcom pack": words only the plan has
                plan::answerDistinctive,
                // anything else: the library, and the plan when the library has nothing
                (context, text) -> {
                    CaseStudiesCommand.Prepared found = caseStudies.prepare(context, CaseStudyRequest.inEnglish(text));
                    if (found.total() > 0 || !plan.answerAbout(context, text)) {
                        CaseStudiesCommand.send(context, found);
                    }
                    return true;
                });
    }

    private static boolean library(Context context, CaseStudiesCommand caseStudies, String words) {
        CaseStudiesCommand.send(context, caseStudies.prepare(context, words));
        return true;
    }

    @Override
    public boolean handle(Context context) throws Exception {
        String text = context.incoming().text().orElse("");
        for (QuestionAnswerer answerer : answerers) {
            if (answerer.answer(context, text)) {
                return true;
            }
        }
        return false;
    }
}
