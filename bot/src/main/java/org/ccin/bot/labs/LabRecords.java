package org.ccin.bot.labs;

import org.ccin.store.audit.AuditLog;
import org.ccin.store.labs.ApplicationRepository;
import org.ccin.store.labs.RoundRepository;
import org.ccin.store.members.MemberRepository;
import org.ccin.store.organisations.OrganisationRepository;

/** The repositories rounds are read and written through, and the audit log that staff's acts on them go to. */
record LabRecords(RoundRepository rounds, ApplicationRepository applications, MemberRepository members,
                  OrganisationRepository organisations, AuditLog audit) {
}
