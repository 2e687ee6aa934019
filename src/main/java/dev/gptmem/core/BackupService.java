package dev.gptmem.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Backup and restore of a whole home: every profile in one document, and back. A restore checks
 * the whole backup before it writes anything, then imports profile after profile, each all or
 * nothing.
 */
public final class BackupService {
    private final Storage storage;
    private final TransferService transfer;

    public BackupService(Storage storage, TransferService transfer) {
        this.storage = storage;
        this.transfer = transfer;
    }

    /** What a backup wrote. */
    public record Written(int profiles, long memories) {
    }

    /** What a restore did to one profile. */
    public record Restored(String profile, ImportResult result) {
    }

    /** Writes every profile, by name, each narrowed as a single export would be. */
    public Written exportAll(MemoryQuery query, SearchQuery matching, HomeWriter writer) {
        List<String> names = storage.profiles();
        writer.begin();
        long memories = 0;
        for (String name : names) {
            memories += transfer.export(name, query, matching, writer.profile());
        }
        writer.end();
        return new Written(names.size(), memories);
    }

    /**
     * Restores every profile of a backup, creating the missing ones. {@code open} is called twice:
     * the first reading checks every profile and memory, so that malformed input anywhere leaves
     * every profile as it was; the second imports. What checking cannot foresee (an id conflict
     * under {@code FAIL}, a busy profile, a full disk) stops the restore at that profile: the ones
     * before it are restored, it and the ones after are untouched, and the error says so.
     */
    public List<Restored> importAll(Supplier<HomeReader> open, ImportOptions options) {
        check(open);
        List<Restored> done = new ArrayList<>();
        try (HomeReader backup = open.get()) {
            for (MemoryReader memories = backup.next(); memories != null; memories = backup.next()) {
                String name = backup.profile();
                try {
                    done.add(new Restored(name, transfer.importFrom(name, memories, options)));
                } catch (GptmemException e) {
                    String before = done.stream().map(r -> "'" + r.profile() + "'").reduce((a, b) -> a + ", " + b)
                            .map(names -> " (restored before it: " + names + "; the later ones were not)")
                            .orElse("");
                    throw new GptmemException("profile '" + name + "': " + e.getMessage() + before,
                            e.exitCode(), e);
                }
            }
        }
        return done;
    }

    private static void check(Supplier<HomeReader> open) {
        Set<String> seen = new HashSet<>();
        Instant now = Times.now();
        String name = null;
        try (HomeReader backup = open.get()) {
            while (true) {
                name = null;
                MemoryReader memories = backup.next();
                if (memories == null) {
                    break;
                }
                name = backup.profile();
                if (!seen.add(name)) {
                    throw GptmemException.failure("it appears twice in the backup");
                }
                for (IncomingMemory in = memories.next(); in != null; in = memories.next()) {
                    Cancellation.check();
                    TransferService.checked(in, now, memories);
                }
            }
        } catch (GptmemException e) {
            throw new GptmemException((name == null ? "" : "profile '" + name + "': ") + e.getMessage()
                    + "; nothing was imported", e.exitCode(), e);
        }
    }
}
