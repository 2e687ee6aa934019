package dev.gptmem.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Import input as its text, whether given as is or gzip-compressed ({@code gptmem export | gzip >
 * backup.json.gz}). The two cannot be confused: gzip's first two bytes, 1f 8b, never start UTF-8 text.
 */
final class Gunzip extends FilterInputStream {
    private static final int BUFFER = 64 << 10;

    private Gunzip(InputStream in) {
        super(in);
    }

    /** {@code in} (which must support mark) as it is, or uncompressed if it starts like gzip. */
    static InputStream ifCompressed(InputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        if (first != 0x1f || second != 0x8b) {
            return in;
        }
        try {
            return new BufferedInputStream(new Gunzip(new GZIPInputStream(in, BUFFER)), BUFFER);
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (ZipException | EOFException e) {
            throw damaged(e);
        }
    }

    /**
     * Java's own messages ("Unexpected end of ZLIB input stream") do not say it is the compression.
     * Other failures, of the file or the pipe below, are reported as they are.
     */
    private static IOException damaged(IOException e) {
        return new IOException("the gzip-compressed input is damaged or cut short (" + e.getMessage() + ")", e);
    }
}
