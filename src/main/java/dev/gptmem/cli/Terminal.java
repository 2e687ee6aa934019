package dev.gptmem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fusesource.jansi.AnsiConsole;
import org.fusesource.jansi.AnsiType;
import org.fusesource.jansi.internal.CLibrary;

/** What the program is talking to: a person at a terminal, or a pipe or file. */
public interface Terminal {

    boolean stdinIsTerminal();

    boolean stdoutIsTerminal();

    /** Where messages and progress go; a progress bar is drawn only on a terminal. */
    boolean stderrIsTerminal();

    /** Columns of the terminal on stdout; 0 when unknown or not a terminal. */
    int width();

    /** Neither end is a terminal: what scripts and tests see. */
    Terminal PIPES = fixed(false, false, 0);

    static Terminal fixed(boolean stdin, boolean stdout, int width) {
        return fixed(stdin, stdout, false, width);
    }

    static Terminal fixed(boolean stdin, boolean stdout, boolean stderr, int width) {
        return new Terminal() {
            @Override
            public boolean stdinIsTerminal() {
                return stdin;
            }

            @Override
            public boolean stdoutIsTerminal() {
                return stdout;
            }

            @Override
            public boolean stderrIsTerminal() {
                return stderr;
            }

            @Override
            public int width() {
                return width;
            }
        };
    }

    /**
     * The process's real streams, asked through Jansi's native isatty. Nothing is loaded until a
     * command first asks, so commands that never ask do not pay for the native library; and a
     * stream Linux shows to be a pipe, socket or file is known not to be a terminal without it.
     */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean stdinIsTerminal() {
                return !Terminal.isSurelyNotTerminal(0) && CLibrary.LOADED && CLibrary.isatty(0) != 0;
            }

            @Override
            public boolean stdoutIsTerminal() {
                if (Terminal.isSurelyNotTerminal(1)) {
                    return false;
                }
                AnsiType type = AnsiConsole.out().getType();
                return type != AnsiType.Redirected && type != AnsiType.Unsupported;
            }

            @Override
            public boolean stderrIsTerminal() {
                return !Terminal.isSurelyNotTerminal(2) && CLibrary.LOADED && CLibrary.isatty(2) != 0;
            }

            @Override
            public int width() {
                return stdoutIsTerminal() ? AnsiConsole.out().getTerminalWidth() : 0;
            }
        };
    }

    /**
     * True when Linux's {@code /proc/self/fd} shows the descriptor open on a pipe, a socket,
     * {@code /dev/null} or a file outside {@code /dev}; false when it cannot tell. Scripts and
     * pipes, where this holds, then skip loading Jansi's native library, which cost a cold
     * {@code gptmem list > file} about 8 ms.
     */
    static boolean isSurelyNotTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("pipe:") || target.startsWith("socket:") || target.equals("/dev/null")
                    || target.startsWith("/") && !target.startsWith("/dev/");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
