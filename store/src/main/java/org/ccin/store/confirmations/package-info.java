/**
 * One-time confirmations of destructive actions: the id a confirmation button carries, bound to one person and one
 * request, used once and expiring.
 */
package org.ccin.store.confirmations;
