package org.ccin.store.casestudies;

import java.util.List;

/**
 * One page of results.
 *
 * @param total how many case studies match in all
 * @param match how they were found: every word, some of the words, or similar spellings
 */
public record SearchPage(List<SearchHit> hits, int total, int offset, Match match) {

    /** How the results were found. */
    public enum Match { ALL_WORDS, SOME_WORDS, SIMILAR_SPELLING, FILTERS_ONLY }

    public boolean hasMore() {
        return offset + hits.size() < total;
    }
}
