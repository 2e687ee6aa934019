package dev.gptmem.core;

/** Where exported or listed memories go, one at a time. */
public interface MemoryWriter extends AutoCloseable {

    /**
     * Called once before the first memory; {@code profile} describes what is exported, its
     * {@code memories()} how many memories follow, or -1 when they were not counted (see
     * {@link #needsCount()}).
     */
    void begin(ProfileInfo profile);

    /**
     * Whether {@link #begin} must know how many memories follow, as a progress line does. Counting
     * a filtered export takes a pass over the profile of its own, so only writers that ask get it.
     */
    default boolean needsCount() {
        return false;
    }

    void write(Memory memory);

    /** Called once after the last memory; completes the document and flushes it. */
    void end();

    @Override
    void close();
}
