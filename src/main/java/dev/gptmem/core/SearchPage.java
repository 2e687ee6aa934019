package dev.gptmem.core;

import java.util.List;

/**
 * The best matches of a search, best first, and how many memories matched in all: more than
 * {@code results} holds when the limit cut the list short.
 */
public record SearchPage(List<SearchResult> results, long matches) {

    /** Whether the limit left matches out. */
    public boolean cut() {
        return matches > results.size();
    }
}
