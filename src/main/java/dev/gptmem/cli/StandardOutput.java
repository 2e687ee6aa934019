package dev.gptmem.cli;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The process's standard output, which keeps the first error a write met: a PrintWriter swallows
 * it and keeps only that there was one, but a full disk must fail the command, while a reader
 * that went away ({@code gptmem list | head}) must end it quietly.
 */
final class StandardOutput extends PrintWriter {
    private final Recording stream;

    StandardOutput(OutputStream out) {
        this(new Recording(out));
    }

    private StandardOutput(Recording stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
        this.stream = stream;
    }

    /** The first error a write met, after flushing what is buffered; null if none did. */
    IOException failure() {
        flush();
        return stream.failure();
    }

    /**
     * Whether writing failed because the reading end of a pipe was closed. The JDK gives no type
     * for it, only the system's words.
     */
    static boolean isBrokenPipe(IOException e) {
        return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /**
     * Fails a command whose output is lost: with the reason, or, for a reader that went away,
     * as {@link Closed}, which ends the command without a word.
     */
    static RuntimeException lost(PrintWriter out) {
        IOException failure = out instanceof StandardOutput ? ((StandardOutput) out).failure() : null;
        if (isBrokenPipe(failure)) {
            return new Closed();
        }
        return GptmemException.failure("cannot write to standard output"
                + (failure == null ? "" : ": " + GptmemException.reason(failure)), failure);
    }

    /** Standard output's reader went away; the command ends with {@link ExitCodes#BROKEN_PIPE}, saying nothing. */
    static final class Closed extends RuntimeException {
        Closed() {
            super("standard output was closed", null, false, false);
        }
    }
}
