package dev.gptmem.store;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.core.ProfileNames;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.h2.api.ErrorCode;

/** Profiles as H2 files: {@code <home>/profiles/<name>.mv.db}, guarded by {@code <name>.lock}. */
public final class H2Storage implements Storage {
    private static final String SUFFIX = ".mv.db";
    // No trace files beside the memories, no shutdown hook (every command closes what it opens),
    // and results streamed rather than built in memory, so exports of any size fit a small heap.
    private static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=0;LAZY_QUERY_EXECUTION=TRUE";

    private final Home home;
    private final Duration lockTimeout;
    private final Supplier<String> holder;
    private final SearchIndex.Factory indexes;
    private final Consumer<String> notices;
    private final Consumer<String> waits;

    /**
     * @param lockTimeout how long to wait for a profile another process holds
     * @param holder      what this process is doing, as others waiting for the profile will see it
     * @param indexes     opens a profile's search index, kept inside the profile's file
     */
    public H2Storage(Home home, Duration lockTimeout, Supplier<String> holder, SearchIndex.Factory indexes) {
        this(home, lockTimeout, holder, indexes, notice -> { });
    }

    /**
     * @param notices told of slow work a command did not ask for, such as indexing a profile from
     *                an older version on its first search, so a person knows why they wait
     */
    public H2Storage(Home home, Duration lockTimeout, Supplier<String> holder, SearchIndex.Factory indexes,
                     Consumer<String> notices) {
        this(home, lockTimeout, holder, indexes, notices, notice -> { });
    }

    /**
     * @param waits told, once a command has waited a second for a profile another process holds,
     *              what holds it, so a person knows why nothing happens
     */
    public H2Storage(Home home, Duration lockTimeout, Supplier<String> holder, SearchIndex.Factory indexes,
                     Consumer<String> notices, Consumer<String> waits) {
        this.home = home;
        this.lockTimeout = lockTimeout;
        this.holder = holder;
        this.indexes = indexes;
        this.notices = notices;
        this.waits = waits;
    }

    @Override
    public Path file(String profile) {
        return home.profilesDir().resolve(ProfileNames.check(profile) + SUFFIX);
    }

    /** Holds the profile for this process, waiting up to {@code wait} for one that holds it already. */
    private ProfileLock lock(String profile, Duration wait) {
        return ProfileLock.acquire(lockFile(profile), profile, wait, holder.get(), waits);
    }

    private Path lockFile(String profile) {
        return home.profilesDir().resolve(profile + ".lock");
    }

    @Override
    public boolean exists(String profile) {
        return Files.isRegularFile(file(profile));
    }

    @Override
    public List<String> profiles() {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(home.profilesDir())) {
            return names;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(home.profilesDir(), "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                name = name.substring(0, name.length() - SUFFIX.length());
                if (name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw GptmemException.io("cannot list profiles in " + home.profilesDir(), e);
        }
        names.sort(null);
        return names;
    }

    @Override
    public ProfileStore open(String profile, boolean create) {
        return open(profile, create, false);
    }

    @Override
    public ProfileStore read(String profile, boolean create) {
        return open(profile, create, true);
    }

    @Override
    public ProfileStore readNow(String profile) {
        return open(profile, false, true, Duration.ZERO);
    }

    private ProfileStore open(String profile, boolean create, boolean readOnly) {
        return open(profile, create, readOnly, lockTimeout);
    }

    /**
     * With {@code readOnly}, an existing file is opened read-only unless it needs upgrading or
     * indexing first, or is empty (created, but cut off before H2 wrote to it: it is set up as a
     * new profile's); {@code wait} is how long to wait for another command that holds it.
     */
    private ProfileStore open(String profile, boolean create, boolean readOnly, Duration wait) {
        Path file = file(profile);
        if (!create && !Files.isRegularFile(file)) {
            throw missing(profile);
        }
        OwnerOnly.directory(home.dir());
        OwnerOnly.directory(home.profilesDir());
        ProfileLock lock = lock(profile, wait);
        try {
            if (!create && !Files.isRegularFile(file)) {
                throw missing(profile);
            }
            // A copy left by a bulk write that was cut off (we hold the lock, so none is under way).
            Files.deleteIfExists(stagingFile(file));
            if (readOnly && Files.isRegularFile(file) && Files.size(file) > 0) {
                H2ProfileStore store = H2ProfileStore.openReadOnly(profile, file, connect(profile, file, true), lock,
                        indexes);
                if (store != null) {
                    return store;
                }
            }
            Connection connection = connect(profile, file);
            OwnerOnly.file(file);
            return H2ProfileStore.open(profile, file, connection, lock, indexes, notices);
        } catch (IOException e) {
            lock.close();
            throw GptmemException.io("cannot open profile '" + profile + "'", e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private GptmemException missing(String profile) {
        String create = "gptmem profile create " + profile;
        return GptmemException.notFound("no profile '" + profile + "'" + ProfileNames.closest(profile, profiles())
                .map(name -> "; did you mean '" + name + "'? (or create it with '" + create + "')")
                .orElse(" (create it with '" + create + "', or see 'gptmem profile list')"));
    }

    /** Where a bulk write builds its copy of a profile; only the lock holder ever has one. */
    static Path stagingFile(Path file) {
        String name = file.getFileName().toString();
        return file.resolveSibling(name.substring(0, name.length() - SUFFIX.length()) + ".staging" + SUFFIX);
    }

    /**
     * Whether the file begins as every H2 file does, with its header ("H:2,block:…"); an empty
     * file is one H2 has yet to write, so it passes too.
     */
    private static boolean startsAsH2(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(4);
            return start.length == 0 || new String(start, StandardCharsets.ISO_8859_1).startsWith("H:2,");
        } catch (IOException e) {
            return true; // cannot tell; H2's own words stand
        }
    }

    static Connection connect(String profile, Path file) {
        return connect(profile, file, false);
    }

    /**
     * With {@code readOnly}, H2 opens the file for reading only: closing it then writes nothing,
     * where a read-write close writes a new chunk and header and syncs them even after a plain read.
     */
    private static Connection connect(String profile, Path file, boolean readOnly) {
        String base = file.toString().substring(0, file.toString().length() - SUFFIX.length());
        try {
            return org.h2.Driver.load().connect("jdbc:h2:file:" + base + SETTINGS
                    + (readOnly ? ";ACCESS_MODE_DATA=r" : ""), new Properties());
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw GptmemException.failure("profile '" + profile + "' is open in another program ("
                        + file + "); close it and try again", e);
            }
            if (Files.isRegularFile(file) && !startsAsH2(file)) {
                throw GptmemException.failure("profile '" + profile + "' is not a gptmem profile: " + file
                        + " is not an H2 database file", e);
            }
            if (e.getErrorCode() == ErrorCode.IO_EXCEPTION_2 || e.getErrorCode() == ErrorCode.IO_EXCEPTION_1) {
                // H2's words name a file channel and offsets; the reason is in the stack with --debug.
                throw GptmemException.failure("profile '" + profile + "' is damaged or cannot be read: " + file
                        + " (run again with --debug for H2's own words)", e);
            }
            if (e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1 || e.getErrorCode() == ErrorCode.FILE_VERSION_ERROR_1) {
                throw GptmemException.failure("profile '" + profile + "' is damaged or not a gptmem profile ("
                        + file + "): " + e.getMessage(), e);
            }
            throw GptmemException.failure("cannot open profile '" + profile + "' (" + file + "): "
                    + e.getMessage(), e);
        }
    }

    @Override
    @SuppressWarnings("try") // the lock is held for the block, not used in it
    public void delete(String profile) {
        try (ProfileLock lock = lock(profile, lockTimeout)) {
            Files.deleteIfExists(file(profile));
            Files.deleteIfExists(home.profilesDir().resolve(profile + ".trace.db"));
            Files.deleteIfExists(stagingFile(file(profile)));
        } catch (IOException e) {
            throw GptmemException.io("cannot delete profile '" + profile + "'", e);
        }
        deleteLockFile(profile);
    }

    @Override
    @SuppressWarnings("try") // the locks are held for the block, not used in it
    public void rename(String from, String to) {
        try (ProfileLock a = lock(from, lockTimeout);
             ProfileLock b = lock(to, lockTimeout)) {
            if (Files.exists(file(to))) {
                throw GptmemException.failure("profile '" + to + "' already exists");
            }
            Files.move(file(from), file(to));
        } catch (IOException e) {
            throw GptmemException.io("cannot rename profile '" + from + "' to '" + to + "'", e);
        }
        deleteLockFile(from);
    }

    private void deleteLockFile(String profile) {
        try {
            Files.deleteIfExists(lockFile(profile));
        } catch (IOException e) {
            // A stale lock file is harmless: locks live in the kernel, not in the file's content.
        }
    }

    @Override
    public long sizeOnDisk(String profile) {
        try {
            return Files.size(file(profile));
        } catch (IOException e) {
            return 0;
        }
    }
}
