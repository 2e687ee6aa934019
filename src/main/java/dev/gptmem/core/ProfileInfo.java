package dev.gptmem.core;

import java.nio.file.Path;
import java.time.Instant;

/** A profile as `profile list` and `profile show` describe it. */
public record ProfileInfo(
        String name, String description, Instant createdAt, Instant changedAt,
        long memories, long sizeBytes, Path file, boolean current) {
}
