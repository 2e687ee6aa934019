package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Text a command takes from standard input. */
final class Input {

    private Input() {
    }

    /** All of stdin as UTF-8 text, without the line break(s) that `echo` and editors leave at the end. */
    static String readAll(InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw GptmemException.failure("cannot read standard input: " + e.getMessage(), e);
        }
        // A byte order mark, which some Windows tools put first, is not part of the text.
        return utf8(bytes, "standard input").replaceFirst("^\uFEFF", "").replaceFirst("[\\r\\n]+$", "");
    }

    /**
     * The bytes as UTF-8 text, or a failure naming {@code what} and the first byte that is not
     * UTF-8: replacing it with U+FFFD would store other text than was given.
     */
    static String utf8(byte[] bytes, String what) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw GptmemException.failure(what + " is not UTF-8 text (byte " + (in.position() + 1) + ")");
        }
        return out.flip().toString();
    }

    /** Text typed at the terminal, line by line, until an empty line or the end of input (Ctrl-D). */
    static String typed(Console console, PrintWriter err) {
        err.println("Type the memory; end it with an empty line or Ctrl-D.");
        StringJoiner text = new StringJoiner("\n");
        for (String line = console.readLine(err, "> "); line != null && !line.isEmpty();
                line = console.readLine(err, "> ")) {
            text.add(line);
        }
        return text.toString();
    }
}
