package dev.gptmem.core;

/** A backup of every profile, read one profile at a time so that any size fits in little memory. */
public interface HomeReader extends AutoCloseable {

    /**
     * The next profile's memories, or {@code null} at the end. Any memories of the previous profile
     * not yet read are read past. Malformed input throws, naming where it is.
     */
    MemoryReader next();

    /** The name of the profile {@link #next()} last returned, already checked as a profile name. */
    String profile();

    @Override
    void close();
}
