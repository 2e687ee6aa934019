package dev.gptmem.cli;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import picocli.CommandLine;

/** Builds the one {@link CommandLine} that {@code main}, the shell and the tests all run. */
public final class Cli {
    /** The commands, in the order help lists them. */
    private static final List<Entry> COMMANDS = List.of(
            new Entry("add", List.of(), AddCommand::new),
            new Entry("list", List.of("ls"), ListCommand::new),
            new Entry("show", List.of(), ShowCommand::new),
            new Entry("edit", List.of(), EditCommand::new),
            new Entry("rm", List.of(), RmCommand::new),
            new Entry("search", List.of(), SearchCommand::new),
            new Entry("export", List.of(), ExportCommand::new),
            new Entry("import", List.of(), ImportCommand::new),
            new Entry("profile", List.of(), ProfileCommand::new));
    /** Global options that take the next word as their value. */
    private static final Set<String> GLOBAL_OPTIONS_WITH_VALUE = Set.of("-p", "--profile", "--home");

    private Cli() {
    }

    /**
     * A command of the program: the name and aliases it is run by, and how it is made for a
     * context, without building its model, which only the commands a line runs pay for.
     */
    public record Entry(String name, List<String> aliases, Function<CliContext, ModelledCommand> make) {
        boolean runBy(String word) {
            return name.equals(word) || aliases.contains(word);
        }
    }

    /** The program's usual commands, in help order. */
    static List<Entry> commands() {
        return COMMANDS;
    }

    /** The whole command line, every command included (for help, completion and the shell). */
    public static CommandLine create(CliContext context, PrintWriter out, PrintWriter err) {
        return create(context, out, err, COMMANDS, null);
    }

    /** The whole command line, with {@code more} commands after the usual ones. */
    public static CommandLine createWith(CliContext context, PrintWriter out, PrintWriter err, List<Entry> more) {
        return create(context, out, err, with(more), null);
    }

    private static List<Entry> with(List<Entry> more) {
        List<Entry> commands = new ArrayList<>(COMMANDS);
        commands.addAll(more);
        return commands;
    }

    /**
     * The command line for {@code args}. Picocli's model of a command costs start-up time, so when
     * {@code args} name a command only that one is built, and for --version none; anything else
     * (no command, a typo, top-level help) gets them all.
     */
    public static CommandLine create(CliContext context, PrintWriter out, PrintWriter err,
                                     List<Entry> commands, String[] args) {
        CommandLine cli = new CommandLine(new GptmemCommand(context.globals()).spec());
        for (Entry command : args == null ? commands : needed(commands, args)) {
            cli.addSubcommand(command.name(), new CommandLine(command.make().apply(context).spec()),
                    command.aliases().toArray(new String[0]));
        }
        setVersionProvider(cli, new VersionProvider());
        ErrorHandler errors = new ErrorHandler(context);
        cli.setOut(out);
        cli.setErr(err);
        context.noticesTo(err);
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

    /**
     * Gives every command the version provider. Set on the root before its subcommands were
     * added, picocli would copy the version into each, asking the provider every time.
     */
    private static void setVersionProvider(CommandLine command, CommandLine.IVersionProvider provider) {
        command.getCommandSpec().versionProvider(provider);
        for (CommandLine sub : command.getSubcommands().values()) {
            setVersionProvider(sub, provider);
        }
    }

    /** The commands that running {@code args} can reach; global options may come before the command. */
    private static List<Entry> needed(List<Entry> commands, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (GLOBAL_OPTIONS_WITH_VALUE.contains(arg)) {
                i++;
            } else if (arg.equals("-V") || arg.equals("--version")) {
                return List.of();
            } else if (arg.equals("--") || arg.equals("-h") || arg.equals("--help")) {
                return commands;
            } else if (!arg.startsWith("-")) {
                if (arg.equals("help")) {
                    return commands; // 'help COMMAND' prints the others' help
                }
                for (Entry command : commands) {
                    if (command.runBy(arg)) {
                        return List.of(command);
                    }
                }
                return commands;
            }
        }
        return commands;
    }

    /**
     * Runs one command line against the real process streams and environment, with commands only
     * the real program has (such as the shell) after the usual ones; returns the exit code.
     */
    public static int run(List<Entry> moreCommands, String... args) {
        StandardOutput out = new StandardOutput(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        CliContext context = new CliContext(System.getenv(), System.in, Terminal.system());
        int code;
        try {
            List<Entry> commands = with(moreCommands);
            if (args.length > 0 && args[0].equals(Completion.COMMAND)) {
                Completion.print(create(context, out, err, commands, null).getCommandSpec(), context.env(),
                        List.of(args).subList(1, args.length), out);
                code = ExitCodes.OK;
            } else {
                code = create(context, out, err, commands, args).execute(args);
            }
        } finally {
            out.flush();
            err.flush();
        }
        return outputChecked(code, out.failure(), context, err);
    }

    /**
     * The exit code once standard output is known to hold everything the command printed: a
     * command that succeeded but whose output was lost (a full disk, a closed descriptor) fails,
     * and one whose reader went away ends as a broken pipe would end it, without a word.
     */
    static int outputChecked(int code, IOException failure, CliContext context, PrintWriter err) {
        if (failure == null) {
            return code;
        }
        if (StandardOutput.isBrokenPipe(failure)) {
            return ExitCodes.BROKEN_PIPE;
        }
        if (code == ExitCodes.OK) {
            err.println(context.errorPrefix() + "cannot write to standard output: " + GptmemException.reason(failure));
            err.flush();
            return ExitCodes.FAILURE;
        }
        return code;
    }
}
