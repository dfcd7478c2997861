package org.ccin.bot.knowledge;

import java.util.Optional;
import org.ccin.bot.routing.Context;
import org.ccin.bot.routing.TextHandler;

/**
 * Plain text a person types: a question about the action plan when it reads like one (an action code, "what is at
 * risk?", "actions led by …"), otherwise a search of the case-study library; when the library has nothing, the
 * plan is searched too before saying so.
 */
public final class KnowledgeAnswers implements TextHandler {
    private final PlanAnswers plan;
    private final CaseStudiesCommand caseStudies;

    KnowledgeAnswers(PlanAnswers plan, CaseStudiesCommand caseStudies) {
        this.plan = plan;
        this.caseStudies = caseStudies;
    }

    @Override
    public boolean handle(Context context) {
        String text = context.incoming().text().orElse("");
        Optional<PlanQuestion> question = PlanQuestion.parse(text, plan.today());
        if (question.isPresent() && plan.answer(context, question.get())) {
            return true;
        }
        CaseStudiesCommand.Prepared library = caseStudies.prepare(context, text);
        if (library.total() > 0 || !plan.answer(context, new PlanQuestion.About(text))) {
            CaseStudiesCommand.send(context, library);
        }
        return true;
    }
}
