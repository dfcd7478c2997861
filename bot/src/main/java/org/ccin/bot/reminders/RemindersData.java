package org.ccin.bot.reminders;

import org.ccin.store.audit.AuditLog;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.plan.PlanRepository;
import org.ccin.store.reminders.LeadRepository;
import org.ccin.store.reminders.ProgressRepository;
import org.ccin.store.reminders.ReminderRepository;

/**
 * The repositories the reminders feature works with, built once in {@link RemindersFeature}: the plan's actions,
 * members, who leads what, progress history, the reminder schedule, and the audit log.
 */
record RemindersData(PlanRepository plans, MemberRepository members, LeadRepository leads,
                     ReminderRepository schedule, ProgressRepository progress, AuditLog auditLog) {
}
