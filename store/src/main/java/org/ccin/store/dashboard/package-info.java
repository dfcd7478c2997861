/** What the web pages read and keep: staff logins and sessions, daily traffic-light snapshots, and figures. */
package org.ccin.store.dashboard;
