package dev.gptmem.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stopping long work cleanly when the user presses Ctrl-C or the process is told to terminate.
 * Import, export and reindex {@link #check() look here} at every memory and, once asked, fail with
 * {@link ExitCodes#CANCELLED}; their transaction is rolled back and their partial files removed,
 * as for any other failure. Process-wide, as signals are.
 */
public final class Cancellation {
    private static final AtomicInteger RUNNING = new AtomicInteger();
    /** Stop the command under way (Ctrl-C in the shell); the next one starts afresh. */
    private static volatile boolean requested;
    /** The process is ending: stop, and start nothing more. */
    private static volatile boolean ending;

    private Cancellation() {
    }

    /** Work that can be stopped; while one is open, a signal waits for it to undo itself. */
    public interface Work extends AutoCloseable {
        @Override
        void close();
    }

    /** Marks work that checks for cancellation, from before it writes anything until it has cleaned up. */
    public static Work begin() {
        RUNNING.incrementAndGet();
        return RUNNING::decrementAndGet;
    }

    /** Asks the command under way to stop. */
    public static void request() {
        requested = true;
    }

    /** Forgets an earlier {@link #request()}, before the next command starts. */
    public static void reset() {
        requested = false;
    }

    /** The process is ending: asks running work to stop; whether any is running, and so worth waiting for. */
    public static boolean end() {
        ending = true;
        return RUNNING.get() > 0;
    }

    /** Whether the process is ending, so no further command should start. */
    public static boolean ending() {
        return ending;
    }

    /** Whether stopping was asked for. */
    public static boolean requested() {
        return requested || ending;
    }

    /** Fails if stopping was asked for. */
    public static void check() {
        if (requested()) {
            throw cancelled();
        }
    }

    /** The failure of work that was stopped. */
    public static GptmemException cancelled() {
        return new GptmemException("cancelled", ExitCodes.CANCELLED);
    }
}
