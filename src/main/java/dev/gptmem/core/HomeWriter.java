package dev.gptmem.core;

/** Where a backup of every profile goes: one envelope around one export per profile. */
public interface HomeWriter extends AutoCloseable {

    /** Called once, before the first profile. */
    void begin();

    /** The writer for the next profile, used from its {@code begin} to its {@code end} before the next is asked for. */
    MemoryWriter profile();

    /** Called once after the last profile; completes the document and flushes it. */
    void end();

    @Override
    void close();
}
