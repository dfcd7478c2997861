package org.ccin.store.importing;

import java.util.List;

/** The import files have problems; nothing was imported. Each problem names its file and line. */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 20;

    private final List<String> problems;

    public ImportException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        StringBuilder text = new StringBuilder("nothing was imported: " + problems.size()
                + (problems.size() == 1 ? " problem" : " problems"));
        problems.stream().limit(SHOWN).forEach(p -> text.append("\n  ").append(p));
        if (problems.size() > SHOWN) {
            text.append("\n  … and ").append(problems.size() - SHOWN).append(" more");
        }
        return text.toString();
    }
}
