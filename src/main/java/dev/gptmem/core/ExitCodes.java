package dev.gptmem.core;

/** The exit codes of the command-line contract. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;
    /**
     * Standard output's reader closed it before everything was written, as {@code | head} does:
     * what a shell reports for a program that SIGPIPE ended (128 + 13). The JVM ignores that
     * signal, so the program ends itself, quietly, with the same status.
     */
    public static final int BROKEN_PIPE = 141;
    /**
     * The command was stopped part-way, by Ctrl-C or a request to terminate, and undid what it had
     * begun: what a shell reports for a program that SIGINT ended (128 + 2).
     */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
