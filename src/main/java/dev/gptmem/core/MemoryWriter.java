package dev.gptmem.core;

/** Where exported or listed memories go, one at a time. */
public interface MemoryWriter extends AutoCloseable {

    /**
     * Called once before the first memory; {@code profile} describes what is exported, its
     * {@code memories()} how many memories follow.
     */
    void begin(ProfileInfo profile);

    void write(Memory memory);

    /** Called once after the last memory; completes the document and flushes it. */
    void end();

    @Override
    void close();
}
