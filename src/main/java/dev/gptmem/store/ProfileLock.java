package dev.gptmem.store;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One process at a time works on a profile. The holder writes who it is into the lock file so
 * that a command which gives up waiting can say what holds the profile.
 */
final class ProfileLock implements AutoCloseable {
    private static final long POLL_MILLIS = 25;
    /** How long a command waits before saying that it waits, and for what. */
    private static final Duration QUIET_WAIT = Duration.ofSeconds(1);
    /** Lock files this process holds, with who holds them. */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();
    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code timeout}, telling {@code waiting} once, after a second, what it waits for. */
    static ProfileLock acquire(Path lockFile, String profile, Duration timeout, String holder,
                               Consumer<String> waiting) {
        Path key = lockFile.toAbsolutePath().normalize();
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        boolean told = timeout.compareTo(QUIET_WAIT.multipliedBy(2)) < 0;
        try {
            while (true) {
                ProfileLock lock = tryAcquire(key, holder);
                if (lock != null) {
                    return lock;
                }
                long now = System.nanoTime();
                if (now >= deadline) {
                    throw busy(lockFile, profile, timeout);
                }
                if (!told && now - start >= QUIET_WAIT.toNanos()) {
                    told = true;
                    waiting.accept(held(lockFile, profile) + "; waiting up to " + seconds(timeout) + " s");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            throw GptmemException.io("cannot lock profile '" + profile + "' (" + lockFile + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GptmemException.failure("interrupted while waiting for profile '" + profile + "'");
        }
    }

    /**
     * File locks belong to the whole process, and closing any channel on the file drops them; so
     * within one JVM a profile's lock file is opened by one holder at a time, and others wait.
     */
    private static ProfileLock tryAcquire(Path key, String holder) throws IOException {
        String who = "pid " + ProcessHandle.current().pid() + " (" + holder + ") since " + Times.format(Times.now());
        if (HELD_HERE.putIfAbsent(key, who) != null) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            OwnerOnly.file(key);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                announce(channel, who);
                return new ProfileLock(key, channel, lock);
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            HELD_HERE.remove(key);
            throw e;
        }
        closeQuietly(channel);
        HELD_HERE.remove(key);
        return null;
    }

    private static void announce(FileChannel channel, String who) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((who + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static GptmemException busy(Path lockFile, String profile, Duration timeout) {
        String held = held(lockFile, profile);
        if (timeout.isZero()) {
            return GptmemException.failure(held);
        }
        return GptmemException.failure(held + "; gave up after " + seconds(timeout) + " s, try again when it finishes");
    }

    /** Says who holds the profile, as its holder wrote it into the lock file. */
    private static String held(Path lockFile, String profile) {
        // Reading the file while this process holds it would close a descriptor on it, and that
        // drops every lock this process holds on the file: only read what another process wrote.
        String holder = HELD_HERE.getOrDefault(lockFile.toAbsolutePath().normalize(), "");
        if (holder.isEmpty()) {
            try {
                holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                holder = "";
            }
        }
        return "profile '" + profile + "' is busy: held by " + (holder.isEmpty() ? "another gptmem command" : holder);
    }

    private static String seconds(Duration timeout) {
        return String.format(Locale.ROOT, "%.1f", timeout.toMillis() / 1000.0);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel anyway.
        }
        closeQuietly(channel);
        HELD_HERE.remove(key);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing was written through it that could be lost.
            }
        }
    }
}
