package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

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
