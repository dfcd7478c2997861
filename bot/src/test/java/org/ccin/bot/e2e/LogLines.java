package org.ccin.bot.e2e;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log lines written while it is open, as formatted messages: for tests of what is logged and how often. */
final class LogLines implements AutoCloseable {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    LogLines() {
        appender.start();
        root.addAppender(appender);
    }

    /** The lines so far that contain the given words. */
    List<String> containing(String words) {
        List<String> found = new ArrayList<>();
        synchronized (appender) {
            appender.list.forEach(e -> {
                String message = e.getFormattedMessage();
                if (message.contains(words)) {
                    found.add(message);
                }
            });
        }
        return found;
    }

    @Override
    public void close() {
        root.detachAppender(appender);
    }
}
