package dev.gptmem.core;

/** The exit codes of the command-line contract. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int NOT_FOUND = 3;

    private ExitCodes() {
    }
}
