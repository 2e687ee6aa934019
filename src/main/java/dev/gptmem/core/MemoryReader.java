package dev.gptmem.core;

import java.time.Instant;
import java.util.Optional;

/** A stream of memories to import, read one at a time so any size fits in little memory. */
public interface MemoryReader extends AutoCloseable {

    /** The next memory, or {@code null} at the end. Malformed input throws, naming where it is. */
    IncomingMemory next();

    /** Where the memory last returned by {@link #next()} starts, such as {@code "line 12"}. */
    String position();

    /** The exported profile's description, if the input carries one; complete once the input is read. */
    default Optional<String> profileDescription() {
        return Optional.empty();
    }

    /** When the exported profile was made, if the input says: a profile an import creates takes it. */
    default Optional<Instant> profileCreatedAt() {
        return Optional.empty();
    }

    @Override
    void close();
}
