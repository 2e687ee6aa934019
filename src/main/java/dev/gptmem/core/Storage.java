package dev.gptmem.core;

import java.nio.file.Path;
import java.util.List;

/** The profiles of one gptmem home. */
public interface Storage {

    boolean exists(String profile);

    /** Profile names, sorted. */
    List<String> profiles();

    /**
     * Opens a profile for one command, waiting while another process holds it. With
     * {@code create}, a missing profile is made; without, a missing profile is "not found".
     */
    ProfileStore open(String profile, boolean create);

    /**
     * Opens a profile for a command that only reads it, as {@link #open} does, but leaves the file
     * exactly as it was, byte for byte and with its modification time, so backups and file
     * watchers see no change. The store refuses writes and searches (a search may bring the index
     * up to date). A profile that must first be created, upgraded or indexed is opened as
     * {@link #open} would, and that first read writes it.
     */
    ProfileStore read(String profile, boolean create);

    /**
     * Reads an existing profile as {@link #read} does, but fails at once, saying who holds it,
     * when another command does, rather than waiting for it.
     */
    ProfileStore readNow(String profile);

    void delete(String profile);

    void rename(String from, String to);

    long sizeOnDisk(String profile);

    Path file(String profile);
}
