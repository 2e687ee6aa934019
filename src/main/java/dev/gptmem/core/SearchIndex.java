package dev.gptmem.core;

import java.util.List;

/**
 * A profile's full-text index. The profile's store keeps it in step with the memories: every write
 * changes both in one transaction, so a search never returns a deleted memory or misses a new one.
 */
public interface SearchIndex extends AutoCloseable {

    /** Adds a memory whose id is new to the index. */
    void add(Memory memory);

    /** Adds the memory, or replaces the one with its id. */
    void put(Memory memory);

    void remove(String id);

    /** Writes the changes made since the last commit into the index files, in the caller's transaction. */
    void commit();

    /** Forgets the changes since the last commit, after the transaction that held them failed. */
    void abandon();

    /** The best matches, best first. */
    List<Hit> search(SearchQuery query, int limit);

    /** Every match, unranked. The set is read now; later writes do not change it. */
    Matches matching(SearchQuery query);

    /** Which fields of {@code memory} match, and a passage of it with the matches marked. */
    Explanation explain(Memory memory, SearchQuery query);

    @Override
    void close();

    record Hit(String id, float score) {
    }

    /** The memories a search matched, as a set small enough to hold for any number of matches. */
    interface Matches {
        long count();

        boolean contains(String id);
    }

    /** @param matched field names: name, summary, content, reason, tags */
    record Explanation(List<String> matched, Snippet snippet) {
    }

    /** A passage of text with the matched words marked. */
    record Snippet(String text, List<Mark> marks) {
    }

    /** Offsets into a snippet's text, end exclusive. */
    record Mark(int start, int end) {
    }

    /** Opens the index kept in a profile's files. */
    interface Factory {
        /** Names the index format and text analysis; a profile indexed otherwise is rebuilt. */
        String version();

        /** @param bulk many writes follow (an import): index them on another thread */
        SearchIndex open(IndexFiles files, boolean bulk);
    }
}
