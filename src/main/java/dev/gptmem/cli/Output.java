package dev.gptmem.cli;

import dev.gptmem.core.Durable;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.OwnerOnly;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/** Where a command's output goes: standard output, or a file that appears only once it is complete. */
final class Output {

    private static final int GZIP_BUFFER = 64 << 10;

    private Output() {
    }

    /**
     * Runs {@code work} into {@code stdout}, or, with a {@code file}, into a file beside it that is
     * moved into place at the end, so a failed command never leaves half a file; gzip-compressed if
     * the file's name ends in {@code .gz}.
     */
    static <T> T write(Path file, PrintWriter stdout, Function<Writer, T> work) {
        if (file == null) {
            T result = work.apply(stdout);
            if (stdout.checkError()) {
                throw StandardOutput.lost(stdout);
            }
            return result;
        }
        Path target = file.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        Recording written = null;
        try {
            T result;
            written = new Recording(Files.newOutputStream(tmp));
            OutputStream sink = compressed(file) ? new GZIPOutputStream(written, GZIP_BUFFER) : written;
            // An encoder of its own reports text that is not valid Unicode, as Files.newBufferedWriter does.
            try (Writer out = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8.newEncoder()))) {
                OwnerOnly.file(tmp);
                result = work.apply(out);
            }
            Durable.replace(tmp, target);
            return result;
        } catch (GptmemException e) {
            if (e.exitCode() == ExitCodes.CANCELLED) {
                throw e.adding(file + " was not written");
            }
            if (written != null && written.failure() != null) {
                // The format's writer said "cannot write JSON"; a script's log needs the file's name.
                throw GptmemException.failure("cannot write " + file + ": " + why(written.failure(), target), e);
            }
            throw e;
        } catch (IOException e) {
            throw GptmemException.failure("cannot write " + file + ": " + why(e, target), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Only a leftover partial file; the error that matters was already raised.
            }
        }
    }

    /** A file named {@code *.gz} is written gzip-compressed, as its name says; import reads it back as it is. */
    static boolean compressed(Path file) {
        return file.getFileName() != null && file.getFileName().toString().endsWith(".gz");
    }

    /** What went wrong, in words, naming the folder that is missing when it is. */
    private static String why(IOException e, Path target) {
        if (e instanceof NoSuchFileException && !Files.isDirectory(target.getParent())) {
            return "no such directory " + target.getParent();
        }
        return GptmemException.reason(e);
    }
}
