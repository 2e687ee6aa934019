package dev.gptmem.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One long-term memory, as stored and as exported. Optional text fields are {@code null} when
 * absent; tags are sorted, lowercase and free of duplicates.
 */
public record Memory(
        String id,
        String content,
        String name,
        String summary,
        String reason,
        List<String> tags,
        boolean pinned,
        String source,
        Instant createdAt,
        Instant updatedAt) {

    public Memory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        tags = List.copyOf(sortedAndUnique(tags) ? tags : new TreeSet<>(tags));
    }

    /** Tags read back from a profile are already in order; a TreeSet per row cost a list 5 ms. */
    private static boolean sortedAndUnique(List<String> tags) {
        for (int i = 1; i < tags.size(); i++) {
            if (tags.get(i - 1).compareTo(tags.get(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The one line a person scans in a list: name, else summary, else the content. */
    public String headline() {
        if (name != null && summary != null) {
            return name + ": " + summary;
        }
        if (name != null) {
            return name;
        }
        return summary != null ? summary : content;
    }

    /** True when every user-visible field but the timestamps is the same. */
    public boolean sameFieldsAs(Memory other) {
        return content.equals(other.content)
                && Objects.equals(name, other.name)
                && Objects.equals(summary, other.summary)
                && Objects.equals(reason, other.reason)
                && tags.equals(other.tags)
                && pinned == other.pinned;
    }
}
