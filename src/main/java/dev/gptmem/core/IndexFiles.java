package dev.gptmem.core;

import java.util.List;

/**
 * Where a profile's search index keeps its files: inside the profile itself, so the index is
 * written in the same transactions as the memories and covered by whatever protects the profile.
 * Files are written once, front to back, in chunks of {@link #CHUNK} bytes (the last may be shorter).
 */
public interface IndexFiles {
    int CHUNK = 64 * 1024;

    /** Every file's name, sorted. */
    List<String> names();

    /** The file's length in bytes, or -1 when there is no such file. */
    long length(String name);

    /** Starts a new, empty file; false when one of that name exists already. */
    boolean create(String name);

    void writeChunk(String name, int index, byte[] bytes, int length);

    /** Records the length of a file whose chunks are all written. */
    void finish(String name, long length);

    byte[] readChunk(String name, int index);

    /** False when there is no such file. */
    boolean delete(String name);

    void rename(String from, String to);
}
