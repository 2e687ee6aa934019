package dev.gptmem.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The lines of an input as bytes, read in blocks rather than byte by byte through a synchronized
 * stream. Handing each line on undecoded lets a reader report bad bytes as the line they are on.
 */
final class Lines {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] block = new byte[1 << 16];
    private int used;
    private int read;
    private long number;

    Lines(InputStream in) {
        this.in = in;
    }

    /** The next line's bytes without its line break, or {@code null} at the end of the input. */
    byte[] next() throws IOException {
        line.reset();
        boolean any = false;
        while (true) {
            if (read == used) {
                used = in.read(block);
                read = 0;
                if (used <= 0) {
                    used = 0;
                    if (any) {
                        number++;
                        return line.toByteArray();
                    }
                    return null;
                }
            }
            any = true;
            int end = read;
            while (end < used && block[end] != '\n') {
                end++;
            }
            line.write(block, read, end - read);
            if (end < used) {
                read = end + 1;
                number++;
                return line.toByteArray();
            }
            read = end;
        }
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    long number() {
        return number;
    }

    static boolean isBlank(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
