/**
 * Time-driven work on Quartz. Each job is a thin wrapper around a {@link org.ccin.scheduler.Routine}, an ordinary
 * class that tests call directly with a fixed clock; the database is the source of truth and Quartz only the clock.
 */
package org.ccin.scheduler;
