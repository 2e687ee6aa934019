package dev.gptmem.store;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One process at a time works on a profile. The holder writes who it is into the lock file so
 * that a command which gives up waiting can say what holds the profile.
 */
final class ProfileLock implements AutoCloseable {
    private static final long POLL_MILLIS = 25;
    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ProfileLock acquire(Path lockFile, String profile, Duration timeout, String holder) {
        long deadline = System.nanoTime() + timeout.toNanos();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            OwnerOnly.file(lockFile);
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    announce(channel, holder);
                    return new ProfileLock(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    throw busy(lockFile, profile, timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw GptmemException.failure("cannot lock profile '" + profile + "' (" + lockFile + "): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw GptmemException.failure("interrupted while waiting for profile '" + profile + "'");
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very process (another open store): as busy as any other holder.
            return null;
        }
    }

    private static void announce(FileChannel channel, String holder) throws IOException {
        String text = "pid " + ProcessHandle.current().pid() + " (" + holder + ") since "
                + Times.format(Times.now()) + "\n";
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static GptmemException busy(Path lockFile, String profile, Duration timeout) {
        String holder;
        try {
            holder = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            holder = "";
        }
        return GptmemException.failure("profile '" + profile + "' is busy: held by "
                + (holder.isEmpty() ? "another gptmem process" : holder)
                + "; gave up after " + timeout.toSeconds() + " s, try again when it finishes");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel anyway.
        }
        closeQuietly(channel);
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
