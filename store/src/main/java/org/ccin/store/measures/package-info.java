/**
 * The strategy's measures of success: each measure's published figures "as at" a date and its targets, imported
 * from a file and read by members' questions and the dashboard.
 */
package org.ccin.store.measures;
