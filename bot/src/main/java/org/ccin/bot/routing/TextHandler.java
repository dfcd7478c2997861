package org.ccin.bot.routing;

/**
 * Plain text that is neither a command nor part of a conversation (e.g. a typed action code or a question).
 * Handlers are asked in order; the first that answers wins.
 */
public interface TextHandler {
    /** @return true when it answered */
    boolean handle(Context context) throws Exception;
}
