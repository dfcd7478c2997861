package org.ccin.store.audit;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of act staff filter the audit log by, each with the recorded actions it covers ({@code %} as in SQL
 * LIKE) and a short code that /audit and the dashboard use.
 */
public enum AuditKind {
    WARNING("warn", "moderation.warned"),
    MUTE("mute", "moderation.muted"),
    REMOVAL("remove", "moderation.removed"),
    AUTOMATIC_REMOVAL("auto", "group.remove"),
    DISMISSAL("dismiss", "moderation.dismissed"),
    MESSAGE_DELETION("delete", "moderation.deleted"),
    RULES("rules", "rules.publish"),
    VERIFICATION("verify", "verify.approve", "verify.reject"),
    CHECK_ASKED("asked", "verify.asked"),
    GROUP_SETUP("setup", "group.register", "group.settings"),
    ORGANISATION("organisation", "organisation.%"),
    LEADS("leads", "lead.%", "reminders.%"),
    NEWSLETTER("newsletter", "newsletter.%"),
    LOGIN("login", "dashboard.login"),
    /** A round's reviewer (not staff) logging in to the rounds page with the link of /review. */
    REVIEWER_LOGIN("reviewer", "dashboard.login.reviewer"),
    ERASURE("erasure", "member.erased"),
    EVENT("event", "event.%"),
    LABS("labs", "labs.%"),
    IMPORT("import", "import");

    private final String code;
    private final List<String> actions;

    AuditKind(String code, String... actions) {
        this.code = code;
        this.actions = List.of(actions);
    }

    public String code() {
        return code;
    }

    /** The recorded actions of this kind, as SQL LIKE patterns. */
    List<String> actionPatterns() {
        return actions;
    }

    public static Optional<AuditKind> fromCode(String code) {
        for (AuditKind kind : values()) {
            if (kind.code.equalsIgnoreCase(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The kind of a recorded action; empty for one of no listed kind. */
    public static Optional<AuditKind> of(String action) {
        for (AuditKind kind : values()) {
            for (String pattern : kind.actions) {
                if (pattern.endsWith("%") ? action.startsWith(pattern.substring(0, pattern.length() - 1))
                        : action.equals(pattern)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }
}
