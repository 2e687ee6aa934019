package dev.gptmem.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** One open profile. Held by one command at a time; closing it releases the profile. */
public interface ProfileStore extends AutoCloseable {

    String name();

    Optional<Memory> find(String id);

    /** The memories with these full ids, in the order given; ids not found are left out. */
    List<Memory> findAll(List<String> ids);

    /** Full ids starting with {@code prefix}, in order, at most {@code max} of them. */
    List<String> idsWithPrefix(String prefix, int max);

    /** The last of the full ids starting with {@code prefix}, in order, if any. */
    Optional<String> lastIdWithPrefix(String prefix);

    /** Whether some memory has exactly this content. */
    boolean containsContent(String content);

    /**
     * Whether some memory says exactly what {@code memory} does: the same content, name, summary
     * and reason (tags, pin and dates aside).
     */
    boolean containsSame(Memory memory);

    void insert(Memory memory);

    void update(Memory memory);

    boolean delete(String id);

    /** The best matches of a full-text search, best first. */
    List<SearchIndex.Hit> search(SearchQuery query, int limit);

    /** Every memory the search matches, unranked, as of now: for exporting what a search finds. */
    SearchIndex.Matches matching(SearchQuery query);

    /** Where {@code query} matches {@code memory}. */
    SearchIndex.Explanation explain(Memory memory, SearchQuery query);

    /** Rebuilds the search index from the memories. */
    void reindex();

    /** Streams the memories that match, in the query's order. */
    void query(MemoryQuery query, Consumer<Memory> sink);

    long count();

    /** How many memories {@link #query} would stream. */
    long count(MemoryQuery query);

    /** Every tag in use, sorted. */
    List<String> tags();

    String description();

    void setDescription(String description);

    Instant createdAt();

    /** When the profile was made: a restored profile keeps the time of its original. */
    void setCreatedAt(Instant createdAt);

    Instant changedAt();

    /**
     * Runs {@code work} as one transaction: all of it is written and on disk when this returns,
     * or none of it when it throws.
     */
    <T> T transaction(Supplier<T> work);

    /**
     * Runs a write of any size (an import of millions of memories) all or nothing, like
     * {@link #transaction}, in bounded memory and disk. Without {@code keep}, the result is
     * computed and then thrown away: the dry run of a write.
     */
    <T> T bulk(Supplier<T> work, boolean keep);

    @Override
    void close();
}
