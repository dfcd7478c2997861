package org.ccin.store.casestudies;

/**
 * A found case study with the passage that matched.
 *
 * @param snippet plain text of the best-matching passage, the matched words between {@link #MARK_START} and
 *                {@link #MARK_END} (not HTML: the caller escapes it, then turns the marks into highlighting)
 */
public record SearchHit(CaseStudy caseStudy, String snippet) {
    public static final char MARK_START = '\u0002';
    public static final char MARK_END = '\u0003';
}
