package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Text a command takes from standard input. */
final class Input {

    private Input() {
    }

    /** All of stdin as text, without the line break(s) that `echo` and editors leave at the end. */
    static String readAll(InputStream in) {
        try {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.replaceFirst("[\\r\\n]+$", "");
        } catch (IOException e) {
            throw GptmemException.failure("cannot read standard input: " + e.getMessage(), e);
        }
    }
}
