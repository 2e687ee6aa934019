package dev.gptmem.core;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A profile as `profile list` and `profile show` describe it.
 *
 * @param problem why the profile could not be read (busy, damaged), or null; then only its name,
 *                size, file and whether it is in use are known, and {@code memories} is -1
 */
public record ProfileInfo(
        String name, String description, Instant createdAt, Instant changedAt,
        long memories, long sizeBytes, Path file, boolean current, String problem) {

    /** A profile that was read. */
    public ProfileInfo(String name, String description, Instant createdAt, Instant changedAt,
                       long memories, long sizeBytes, Path file, boolean current) {
        this(name, description, createdAt, changedAt, memories, sizeBytes, file, current, null);
    }

    /** A profile that could not be read, for {@code problem}. */
    static ProfileInfo unreadable(String name, long sizeBytes, Path file, boolean current, String problem) {
        return new ProfileInfo(name, null, null, null, -1, sizeBytes, file, current, problem);
    }
}
