package org.ccin.store.casestudies;

import java.util.List;
import java.util.Optional;

/**
 * One page of results.
 *
 * @param total how many results can be paged through (for a very broad query, the best of the newest matches)
 * @param match how they were found: every word, some of the words, or similar spellings
 * @param matching how many case studies match in all (at least {@code total}), counted up to 1,000
 * @param searchedFor the words searched when they differ from those typed (spelling corrected)
 */
public record SearchPage(List<SearchHit> hits, int total, int offset, Match match, int matching,
                         Optional<String> searchedFor) {

    public SearchPage(List<SearchHit> hits, int total, int offset, Match match) {
        this(hits, total, offset, match, total, Optional.empty());
    }

    public SearchPage(List<SearchHit> hits, int total, int offset, Match match, int matching) {
        this(hits, total, offset, match, matching, Optional.empty());
    }

    public SearchPage corrected(String words) {
        return new SearchPage(hits, total, offset, Match.SIMILAR_SPELLING, matching, Optional.of(words));
    }

    /**
     * How the results were found: every word; some of the words; similar spellings; the filters alone; or the
     * closest few by meaning and by some of the words (a question no study answers word for word).
     */
    public enum Match { ALL_WORDS, SOME_WORDS, SIMILAR_SPELLING, FILTERS_ONLY, RELATED }

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
