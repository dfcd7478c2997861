package org.ccin.bot.groups;

import org.ccin.store.audit.AuditLog;
import org.ccin.store.confirmations.Confirmations;
import org.ccin.store.conversations.ConversationRepository;
import org.ccin.store.groups.Groups;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.organisations.OrganisationRepository;
import org.ccin.store.outbox.OutboxRepository;
import org.ccin.store.reference.ReferenceDataRepository;

/**
 * The repositories the groups feature reads and writes, built once in {@link GroupsFeature}: a class that needs
 * several of them takes this; one that needs one or two takes just those.
 */
record GroupsData(Groups groups, MemberRepository members, OrganisationRepository organisations,
                  ReferenceDataRepository referenceData, ConversationRepository conversations, AuditLog auditLog,
                  OutboxRepository outbox, Confirmations confirmations) {
}
