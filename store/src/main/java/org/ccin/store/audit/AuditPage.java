package org.ccin.store.audit;

import java.util.List;

/** One page of the audit log, newest first: the entries, where the page starts, and how many match in all. */
public record AuditPage(List<AuditEntry> entries, int offset, int total) {
    public AuditPage {
        entries = List.copyOf(entries);
    }

    public boolean hasOlder() {
        return offset + entries.size() < total;
    }

    public boolean hasNewer() {
        return offset > 0;
    }
}
