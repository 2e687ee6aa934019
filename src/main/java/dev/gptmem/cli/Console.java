package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where a command asks the person at the terminal something: a confirmation, or text typed line
 * by line. The shell answers through its line editor; a one-shot command through standard input.
 */
public interface Console {

    /**
     * Shows {@code prompt} and reads one line; null at the end of input (Ctrl-D).
     *
     * @throws GptmemException when the person cancels (Ctrl-C in the shell)
     */
    String readLine(PrintWriter err, String prompt);

    /** Prompts on {@code err} and reads standard input, one buffered reader for the whole command. */
    static Console over(InputStream stdin) {
        return new Console() {
            private BufferedReader lines;

            @Override
            public String readLine(PrintWriter err, String prompt) {
                err.print(prompt);
                err.flush();
                if (lines == null) {
                    lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
                }
                try {
                    return lines.readLine();
                } catch (IOException e) {
                    throw GptmemException.failure("cannot read standard input: " + e.getMessage(), e);
                }
            }
        };
    }
}
