package org.ccin.bot.knowledge;

import org.ccin.bot.routing.Context;

/**
 * One kind of typed question and its answer: recognises the question and answers it, or declines so that the next
 * in {@link KnowledgeAnswers#inOrder} may.
 */
@FunctionalInterface
interface QuestionAnswerer {
    /** @return true when it recognised the question and answered it */
    boolean answer(Context context, String text) throws Exception;
}
