package org.ccin.store.plan;

/**
 * An action plan, e.g. the 2024–2026 strategy.
 *
 * @param version what answers cite as the source ("2024–2026")
 * @param current true for the plan people mean when they type an action code
 * @param objectivesCalled what the plan calls its parts: "objectives" or "themes" (people ask for "theme 3")
 */
public record Plan(String code, String titleEn, String titleCy, String version, boolean current,
                   String objectivesCalled) {
    public static final String OBJECTIVES = "objectives";
    public static final String THEMES = "themes";

    public boolean hasThemes() {
        return THEMES.equals(objectivesCalled);
    }

    public String title(String language) {
        return "cy".equals(language) ? titleCy : titleEn;
    }
}
