package org.ccin.bot.routing;

/** Updates that are not messages or buttons: join requests, member changes, inline queries, group events. */
public interface EventHandler {
    boolean accepts(Incoming incoming);

    void handle(Context context) throws Exception;
}
