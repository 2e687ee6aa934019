package dev.gptmem.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Putting a finished file in place so that a crash leaves the old file or the new one, never half of one. */
public final class Durable {

    private Durable() {
    }

    /** Syncs {@code finished} to disk, renames it over {@code target} in one step, then syncs the folder entry. */
    public static void replace(Path finished, Path target) throws IOException {
        try (FileChannel data = FileChannel.open(finished, StandardOpenOption.WRITE)) {
            data.force(true);
        }
        try {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel folder = FileChannel.open(target.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            // Not every platform can sync a folder; the rename itself has been made.
        }
    }
}
