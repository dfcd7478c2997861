package org.ccin.bot.routing;

/**
 * A page of a feature that staff reach from the dashboard's header, e.g. the events page.
 *
 * @param id       the link's element id (for tests and styles)
 * @param titleKey the text key of the link
 * @param path     where it goes, without the language, e.g. {@code /dashboard/events}
 */
public record StaffPage(String id, String titleKey, String path) {
}
