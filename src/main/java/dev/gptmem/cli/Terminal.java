package dev.gptmem.cli;

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
     * command first asks, so commands that never ask do not pay for the native library.
     */
    static Terminal system() {
        return new Terminal() {
            @Override
            public boolean stdinIsTerminal() {
                return CLibrary.LOADED && CLibrary.isatty(0) != 0;
            }

            @Override
            public boolean stdoutIsTerminal() {
                AnsiType type = AnsiConsole.out().getType();
                return type != AnsiType.Redirected && type != AnsiType.Unsupported;
            }

            @Override
            public boolean stderrIsTerminal() {
                return CLibrary.LOADED && CLibrary.isatty(2) != 0;
            }

            @Override
            public int width() {
                return stdoutIsTerminal() ? AnsiConsole.out().getTerminalWidth() : 0;
            }
        };
    }
}
