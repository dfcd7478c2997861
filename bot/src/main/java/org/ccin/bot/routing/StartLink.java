package org.ccin.bot.routing;

/**
 * A deep link into the bot: {@code t.me/<bot>?start=<prefix><argument>} arrives as "/start <prefix><argument>".
 * Features offer links (a lead's claim link) without the start command knowing them.
 */
public interface StartLink {
    /** The start of the argument this link handles, e.g. "lead-". */
    String prefix();

    /** Opens the link. The argument is chosen by whoever made the link: check it. */
    void open(Context context, String argument) throws Exception;
}
