package dev.gptmem.core;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** Memories are private: gptmem's folders and files are readable by their owner only. */
public final class OwnerOnly {
    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the folder and any missing parents below it, owner-only. */
    public static Path directory(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, DIR);
            }
            return dir;
        } catch (IOException e) {
            throw GptmemException.io("cannot create folder " + dir, e);
        }
    }

    /** Makes an existing file owner-only. */
    public static void file(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file, FILE);
            }
        } catch (IOException e) {
            throw GptmemException.io("cannot set permissions of " + file, e);
        }
    }

    private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
