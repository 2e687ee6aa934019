package dev.gptmem.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed search. A memory matches when it satisfies every group of {@code required} (a group is
 * one or more alternatives joined by OR), none of {@code excluded}, and the filters.
 *
 * @param tags  every one must be carried (the {@code -t} option)
 * @param since only memories changed at or after this instant, or {@code null}
 */
public record SearchQuery(List<List<Term>> required, List<Term> excluded, List<String> tags, Instant since) {

    public SearchQuery {
        required = required.stream().map(List::copyOf).toList();
        excluded = List.copyOf(excluded);
        tags = tags == null ? List.of() : MemoryRules.tags(tags);
    }

    /** What one item of a query asks for. */
    public sealed interface Term {
    }

    /** A word, matched in any of its forms ("running" finds "runs"). */
    public record Word(String text) implements Term {
    }

    /** Words that must stand together, in this order. */
    public record Phrase(String text) implements Term {
    }

    /** Any word starting with {@code text}. */
    public record Prefix(String text) implements Term {
    }

    public record Tag(String name) implements Term {
    }

    public record Pinned(boolean pinned) implements Term {
    }

    public SearchQuery withFilters(List<String> moreTags, Instant changedSince) {
        List<String> all = new ArrayList<>(tags);
        all.addAll(moreTags == null ? List.of() : moreTags);
        return new SearchQuery(required, excluded, all, changedSince == null ? since : changedSince);
    }
}
