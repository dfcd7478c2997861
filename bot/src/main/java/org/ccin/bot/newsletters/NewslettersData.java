package org.ccin.bot.newsletters;

import org.ccin.store.audit.AuditLog;
import org.ccin.store.groups.GroupRepository;
import org.ccin.store.newsletters.NewsletterRepository;
import org.ccin.store.newsletters.SubscriptionRepository;
import org.ccin.store.reference.ReferenceDataRepository;

/**
 * The repositories the staff desk works with, built once in {@link NewslettersFeature}: the newsletters, who gets
 * them, the groups, categories and regions an audience is narrowed to, and the audit log.
 */
record NewslettersData(NewsletterRepository issues, SubscriptionRepository subscriptions, GroupRepository groups,
                       ReferenceDataRepository referenceData, AuditLog auditLog) {
}
