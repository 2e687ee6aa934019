package dev.gptmem.core;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Changes to one memory. A {@code null} field leaves that field as it is; an empty string clears
 * an optional field. {@code tags}, when set, replaces the tag set before tags are added and removed.
 */
public record MemoryEdit(
        String content, String name, String summary, String reason,
        List<String> tags, List<String> addTags, List<String> removeTags, Boolean pinned) {

    public MemoryEdit {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    public boolean isEmpty() {
        return content == null && name == null && summary == null && reason == null && tags == null
                && addTags.isEmpty() && removeTags.isEmpty() && pinned == null;
    }

    /** The memory with these changes applied; timestamps are left for the caller. */
    public Memory applyTo(Memory m) {
        TreeSet<String> newTags = new TreeSet<>(tags == null ? m.tags() : MemoryRules.tags(tags));
        newTags.addAll(MemoryRules.tags(addTags));
        newTags.removeAll(MemoryRules.tags(removeTags));
        return new Memory(
                m.id(),
                content == null ? m.content() : MemoryRules.content(content),
                name == null ? m.name() : MemoryRules.optional("name", name),
                summary == null ? m.summary() : MemoryRules.optional("summary", summary),
                reason == null ? m.reason() : MemoryRules.optional("reason", reason),
                MemoryRules.tags(new ArrayList<>(newTags)),
                pinned == null ? m.pinned() : pinned,
                m.source(),
                m.createdAt(),
                m.updatedAt());
    }
}
