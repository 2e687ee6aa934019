package dev.gptmem.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream that keeps the first error a write met, so a command can report it in its own
 * words, whatever the writers above made of it.
 */
final class Recording extends FilterOutputStream {
    private IOException failure;

    Recording(OutputStream out) {
        super(out);
    }

    /** The first error a write or flush met; null if none did. */
    IOException failure() {
        return failure;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int offset, int length) throws IOException {
        try {
            out.write(b, offset, length);
        } catch (IOException e) {
            keep(e);
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            keep(e);
            throw e;
        }
    }

    private void keep(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }
}
