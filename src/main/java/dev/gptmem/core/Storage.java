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

    void delete(String profile);

    void rename(String from, String to);

    long sizeOnDisk(String profile);

    Path file(String profile);
}
