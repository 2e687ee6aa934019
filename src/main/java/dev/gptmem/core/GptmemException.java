package dev.gptmem.core;

/**
 * A failure the user should see as one line, with the exit code it maps to. The message is written
 * for people: it says what went wrong and, where one helps, what to do.
 */
public class GptmemException extends RuntimeException {
    private final int exitCode;

    public GptmemException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public GptmemException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    /** Bad option value, bad profile name, malformed id: the caller asked for something invalid. */
    public static GptmemException usage(String message) {
        return new GptmemException(message, ExitCodes.USAGE);
    }

    /** Unknown id or profile. */
    public static GptmemException notFound(String message) {
        return new GptmemException(message, ExitCodes.NOT_FOUND);
    }

    /** Anything else that stopped the command: bad input data, a busy profile, a storage failure. */
    public static GptmemException failure(String message) {
        return new GptmemException(message, ExitCodes.FAILURE);
    }

    public static GptmemException failure(String message, Throwable cause) {
        return new GptmemException(message, ExitCodes.FAILURE, cause);
    }
}
