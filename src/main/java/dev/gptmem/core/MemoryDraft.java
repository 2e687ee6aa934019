package dev.gptmem.core;

import java.util.List;

/** What a caller supplies to add a memory; the service gives it an id and timestamps. */
public record MemoryDraft(
        String content, String name, String summary, String reason, List<String> tags,
        boolean pinned, String source) {
}
