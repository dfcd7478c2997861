package org.ccin.bot.labs;

/**
 * Where an applicant is in their draft: the question being answered, and a partner's name they typed that matched
 * organisations of the list (kept until they pick one or keep it as typed). The answers themselves are in the
 * application, saved as they come, so a restart or an expired conversation loses none.
 */
record ApplyState(long applicationId, int question, String typedPartner) {
}
