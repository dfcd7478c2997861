/**
 * The bot's storage: one SQLite file through Jdbi, migrated by Flyway. All SQL of the project lives in this
 * module; other modules talk to the repositories, which take and return plain records.
 */
package org.ccin.store;
