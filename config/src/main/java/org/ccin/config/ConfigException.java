package org.ccin.config;

/**
 * A setting is missing or malformed. The message is one line that names the setting and says what to do,
 * so that the operator can read it at start without a stack trace.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
