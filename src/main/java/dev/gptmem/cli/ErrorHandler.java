package dev.gptmem.cli;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/** Every error becomes one line on stderr, {@code gptmem: …}, and its exit code; stack traces only with --debug. */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {
    private final CliContext context;

    ErrorHandler(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (context.debug()) {
            e.printStackTrace(err);
        }
        err.println("gptmem: " + oneLine(e.getMessage()) + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (context.debug()) {
            e.printStackTrace(err);
        }
        if (e instanceof GptmemException) {
            err.println("gptmem: " + oneLine(e.getMessage()));
        } else {
            err.println("gptmem: internal error: " + oneLine(String.valueOf(e))
                    + (context.debug() ? "" : " (run again with --debug for details)"));
        }
        err.flush();
        return getExitCode(e);
    }

    @Override
    public int getExitCode(Throwable e) {
        return e instanceof GptmemException ? ((GptmemException) e).exitCode() : ExitCodes.FAILURE;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
