package dev.gptmem.cli;

import dev.gptmem.core.ExitCodes;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Builds the one {@link CommandLine} that {@code main}, the shell and the tests all run. */
public final class Cli {

    private Cli() {
    }

    public static CommandLine create(CliContext context, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(GptmemCommand.class, new Factory(context));
        ErrorHandler errors = new ErrorHandler(context);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(errors);
        cli.setExecutionExceptionHandler(errors);
        cli.setExitCodeExceptionMapper(errors);
        cli.setExecutionStrategy(parsed -> {
            CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            context.setActivity(last.getCommandSpec().qualifiedName());
            return new CommandLine.RunLast().execute(parsed);
        });
        return cli;
    }

    /** Runs one command line against the real process streams and environment; returns the exit code. */
    public static int run(String... args) {
        return run(cli -> cli, args);
    }

    /** As {@link #run(String...)}, with commands only the real program has (such as the shell) added by {@code extend}. */
    public static int run(UnaryOperator<CommandLine> extend, String... args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CliContext context = new CliContext(System.getenv(), System.in, Terminal.system());
        try {
            CommandLine cli = extend.apply(create(context, out, err));
            if (args.length > 0 && args[0].equals(Completion.COMMAND)) {
                Completion.print(cli.getCommandSpec(), context.env(), List.of(args).subList(1, args.length), out);
                return ExitCodes.OK;
            }
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Hands every command the context; everything else is made the default way. */
    private static final class Factory implements IFactory {
        private final CliContext context;

        Factory(CliContext context) {
            this.context = context;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == GlobalOptions.class) {
                return type.cast(context.globals());
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                Class<?>[] params = constructor.getParameterTypes();
                if (params.length == 1 && params[0] == CliContext.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(context));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
