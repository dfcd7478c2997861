/** The audit log: what staff, moderators and the bot did to other people's data or rights, kept for staff to check. */
package org.ccin.store.audit;
