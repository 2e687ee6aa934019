package dev.gptmem.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

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

    /** This failure, with what it left as it was said after it: the same exit code, this as the cause. */
    public GptmemException adding(String consequence) {
        return new GptmemException(getMessage() + "; " + consequence, exitCode, this);
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

    /** A file operation that failed: {@code what} ("cannot write FILE"), then why, in words. */
    public static GptmemException io(String what, IOException cause) {
        return failure(what + ": " + reason(cause), cause);
    }

    /**
     * Why a file operation failed. The exceptions of java.nio.file carry the file's name as their
     * message and the system's reason, if any, apart; the name alone tells the user nothing.
     */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name exists already";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the folder is not empty";
        }
        if (e instanceof FileSystemException) {
            String reason = ((FileSystemException) e).getReason();
            return reason == null || reason.isBlank() ? "file system error" : lowerFirst(reason);
        }
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            return e.getClass().getSimpleName();
        }
        // A plain IOException carries the system's words ("Is a directory"); others, such as a
        // parser's, carry their own sentence.
        return e.getClass() == IOException.class ? lowerFirst(e.getMessage()) : e.getMessage();
    }

    private static String lowerFirst(String text) {
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
