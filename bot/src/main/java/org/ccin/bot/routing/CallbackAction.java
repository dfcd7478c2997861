package org.ccin.bot.routing;

/** What happens when a button of one feature is tapped; the data's feature names it. */
public interface CallbackAction {
    /** The first part of the callback data this action handles, e.g. "reg". */
    String feature();

    /**
     * Handles a tap. The data is well-formed but chosen by the client: check that this person may do it now.
     */
    void handle(Context context, CallbackData data) throws Exception;
}
