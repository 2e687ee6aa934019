package dev.gptmem.cli;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

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
        err.println(context.errorPrefix() + oneLine(describe(e)) + " (see '" + cmd.getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Picocli's words, but for a mistyped command name say so and suggest the closest ones, as git
     * does; for a word to leave out of a search that was taken for an option, say how to give it;
     * for a value of the wrong kind, say what the option takes in the words its help uses.
     */
    private static String describe(ParameterException e) {
        CommandLine command = e.getCommandLine();
        if (command.getCommand() instanceof SearchCommand) {
            for (String arg : command.getUnmatchedArguments()) {
                if (arg.length() > 1 && arg.startsWith("-") && !arg.startsWith("--")) {
                    return "unknown option '" + arg + "'; a word to leave out goes after '--': gptmem search -- vim "
                            + arg;
                }
            }
        }
        if (e instanceof UnmatchedArgumentException) {
            UnmatchedArgumentException unmatched = (UnmatchedArgumentException) e;
            List<String> args = unmatched.getUnmatched();
            CommandLine cmd = e.getCommandLine();
            if (!args.isEmpty() && !cmd.getSubcommands().isEmpty() && !args.get(0).startsWith("-")) {
                List<String> suggestions = unmatched.getSuggestions();
                return "unknown command '" + args.get(0) + "'" + (suggestions.isEmpty() ? ""
                        : "; did you mean '" + String.join("' or '", suggestions.subList(0, Math.min(2, suggestions.size()))) + "'?");
            }
        }
        String wrongValue = wrongValue(e);
        return wrongValue != null ? wrongValue : inOurWords(e.getMessage());
    }

    /**
     * Picocli's other messages, lower case first as gptmem's own are, and without the index of an
     * argument, which no one counts: "unexpected argument: 'extra'" for "Unmatched argument at index 1: 'extra'",
     * and "give only one of --json, --jsonl" for "Error: --json, --jsonl are mutually exclusive (specify only one)".
     */
    private static String inOurWords(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        String plain = message.replaceFirst("^Unmatched argument at index \\d+: ", "unexpected argument: ")
                .replaceFirst("^Unmatched arguments from index \\d+: ", "unexpected arguments: ")
                .replaceFirst("^Error: (.*) are mutually exclusive \\(specify only one\\)$", "give only one of $1");
        return Character.toLowerCase(plain.charAt(0)) + plain.substring(1);
    }

    /**
     * For an option value picocli could not convert: the choices as the help spells them (picocli
     * lists enum constants in capitals), or that a number is wanted (picocli says "not an int").
     */
    private static String wrongValue(ParameterException e) {
        String value = e.getValue();
        if (!(e.getArgSpec() instanceof OptionSpec) || value == null
                || !String.valueOf(e.getMessage()).startsWith("Invalid value for option")) {
            return null;
        }
        OptionSpec option = (OptionSpec) e.getArgSpec();
        Class<?> type = option.type();
        String name = option.longestName();
        if (type.isEnum()) {
            List<String> choices = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).toList();
            return name + " must be " + String.join(", ", choices.subList(0, choices.size() - 1)) + " or "
                    + choices.get(choices.size() - 1) + ", not '" + value + "'";
        }
        if (type == int.class || type == Integer.class) {
            if (value.matches("\\+?[0-9]+")) {
                return name + " is at most " + Integer.MAX_VALUE + ", not " + value;
            }
            return value.matches("-[0-9]+") ? name + " is out of range: " + value
                    : name + " takes a whole number, not '" + value + "'";
        }
        return null;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parsed) {
        if (e instanceof StandardOutput.Closed) {
            return ExitCodes.BROKEN_PIPE;
        }
        PrintWriter err = cmd.getErr();
        if (context.debug()) {
            e.printStackTrace(err);
        }
        if (e instanceof GptmemException) {
            err.println(context.errorPrefix() + oneLine(e.getMessage()));
        } else {
            err.println(context.errorPrefix() + "internal error: " + oneLine(String.valueOf(e))
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
