package dev.gptmem.core;

import java.time.Instant;
import java.util.List;

/** A memory as read from an import, before it is checked: anything but the content may be missing. */
public record IncomingMemory(
        String id, String content, String name, String summary, String reason, List<String> tags,
        Boolean pinned, String source, Instant createdAt, Instant updatedAt) {
}
