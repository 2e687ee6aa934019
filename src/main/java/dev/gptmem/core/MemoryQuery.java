package dev.gptmem.core;

import java.time.Instant;
import java.util.List;

/**
 * Which memories to read and in what order. {@code tags}: a memory must carry every one;
 * {@code pinned}: {@code null} for either; {@code words}: each must occur in some text field or tag;
 * {@code since}: only memories added or changed at or after it, as search's {@code --since}.
 */
public record MemoryQuery(
        List<String> tags, Boolean pinned, List<String> words, Sort sort, boolean reverse,
        Integer limit, int offset, Instant since) {

    public enum Sort {
        /** Newest first. */
        CREATED,
        /** Most recently changed first. */
        UPDATED,
        /** By name, then headline, A to Z. */
        NAME
    }

    public MemoryQuery {
        tags = tags == null ? List.of() : MemoryRules.tags(tags);
        words = words == null ? List.of() : List.copyOf(words);
        sort = sort == null ? Sort.CREATED : sort;
        if (limit != null && limit < 0) {
            throw GptmemException.usage("--limit must be 0 or more");
        }
        if (offset < 0) {
            throw GptmemException.usage("--offset must be 0 or more");
        }
    }

    public MemoryQuery(List<String> tags, Boolean pinned, List<String> words, Sort sort, boolean reverse,
                       Integer limit, int offset) {
        this(tags, pinned, words, sort, reverse, limit, offset, null);
    }

    public static MemoryQuery all() {
        return new MemoryQuery(null, null, null, Sort.CREATED, true, null, 0);
    }

    public static MemoryQuery withTags(List<String> tags) {
        return new MemoryQuery(tags, null, null, Sort.CREATED, true, null, 0);
    }

    /** Export's selection: oldest first, narrowed by tags, pin and time. */
    public static MemoryQuery exported(List<String> tags, Boolean pinned, Instant since) {
        return new MemoryQuery(tags, pinned, null, Sort.CREATED, true, null, 0, since);
    }

    /** True when every memory matches. */
    public boolean selectsAll() {
        return !filtered() && limit == null && offset == 0;
    }

    /** True when some memories may not match, whatever the paging. */
    public boolean filtered() {
        return !tags.isEmpty() || pinned != null || !words.isEmpty() || since != null;
    }

    public MemoryQuery withLimit(Integer newLimit) {
        return new MemoryQuery(tags, pinned, words, sort, reverse, newLimit, offset, since);
    }
}
