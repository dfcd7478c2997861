package org.ccin.store.groups;

/** One moderator's (or staff member's) private message about a report. */
public record ReportCard(long reportId, long chatId, int messageId) {
}
