package dev.gptmem.io;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.MemoryWriter;
import java.io.IOException;
import java.io.Writer;

/** A writer of memories as text to a stream the caller owns: flushed at the end, never closed. */
abstract class TextMemoryWriter implements MemoryWriter {
    protected final Writer out;
    private final String format;

    /** @param format the format's name, for errors ("CSV") */
    TextMemoryWriter(Writer out, String format) {
        this.out = out;
        this.format = format;
    }

    @Override
    public void end() {
        try {
            out.flush();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        // The caller owns the stream.
    }

    protected final GptmemException failure(IOException e) {
        return GptmemException.io("cannot write " + format, e);
    }
}
