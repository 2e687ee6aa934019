package dev.gptmem.shell;

import dev.gptmem.cli.Cli;
import dev.gptmem.cli.CliContext;
import dev.gptmem.cli.Console;
import dev.gptmem.cli.HelpCommand;
import dev.gptmem.core.Cancellation;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.OwnerOnly;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * The read-run loop. Every line runs on a fresh context and {@code CommandLine} from
 * {@link Cli#create}, exactly as a one-shot command would, so a line cannot leave state behind
 * that breaks the next one, and no profile stays open between lines.
 */
public final class Shell {
    private static final int STOP = -1;
    /** The program's name, which a line may start with as on a command line. */
    static final String PROGRAM = "gptmem";

    private final CliContext context;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Home home;
    /** The profile chosen with -p or {@code use}; null follows the environment and 'profile use'. */
    private String chosenProfile;

    Shell(CliContext context, PrintWriter out, PrintWriter err) {
        this.context = context;
        this.out = out;
        this.err = err;
        this.home = context.home();
        String profile = context.profile();
        this.chosenProfile = profile.equals(home.chooseProfile(null, context.env())) ? null : profile;
    }

    /** Reads lines from a person until {@code exit} or Ctrl-D; one bad line never ends the session. */
    public int interactive(Terminal terminal) throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName(PROGRAM)
                .parser(new ShellParser())
                .completer(new ShellCompleter(this, new FileCompleter(Path.of("").toAbsolutePath(),
                        Path.of(System.getProperty("user.home")))))
                .highlighter(new ShellHighlighter(ShellHelp.commandNames(commandLine(out, err)), context.colour()))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .build();
        Console console = questions(terminal);
        Pager pager = new Pager(context.env());
        // While a command runs, Ctrl-C stops it if it is long (an import, export or reindex), never the
        // whole session; at the prompt it cancels the line.
        terminal.handle(Terminal.Signal.INT, signal -> Cancellation.request());
        PrintWriter screen = terminal.writer();
        screen.println(ShellHelp.GREETING);
        try {
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    return ExitCodes.OK;
                }
                StringWriter captured = new StringWriter();
                int code = execute(line, lineContext().asking(console), new PrintWriter(captured), screen,
                        () -> terminal.puts(Capability.clear_screen));
                String text = captured.toString();
                if (!Pager.tooLong(text, terminal.getHeight(), terminal.getWidth()) || !pager.show(text)) {
                    screen.print(text);
                }
                screen.flush();
                if (code == STOP) {
                    return ExitCodes.OK;
                }
                if (Cancellation.ending()) {
                    // Ended by a signal, not by the user: never a success (see Main).
                    return ExitCodes.CANCELLED;
                }
            }
        } finally {
            reader.getHistory().save();
            terminal.close();
        }
    }

    /**
     * Runs every line of a script (a line ending in a backslash, or inside an open quote, goes on
     * to the next); the exit code of the first line that failed, else 0. Errors name the line.
     */
    public int script(BufferedReader lines) throws IOException {
        int result = ExitCodes.OK;
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (Cancellation.ending()) {
                // Lines are left that will not run.
                return ExitCodes.CANCELLED;
            }
            int first = ++number;
            StringBuilder command = new StringBuilder(line);
            ShellWords words = ShellWords.split(command);
            while (words.incomplete()) {
                String next = lines.readLine();
                if (next == null) {
                    err.println(lineContext().at("line " + first).errorPrefix() + words.problem());
                    err.flush();
                    return result == ExitCodes.OK ? ExitCodes.USAGE : result;
                }
                number++;
                command.append('\n').append(next);
                words = ShellWords.split(command);
            }
            int code = execute(command.toString(), lineContext().at("line " + first), out, err, () -> { });
            if (code == STOP) {
                break;
            }
            if (result == ExitCodes.OK) {
                result = code;
            }
        }
        return result;
    }

    /**
     * The words of a line as the shell runs them: a leading 'gptmem' is left out, so a command
     * pasted from elsewhere, or an error's hint ('see gptmem list --help'), runs as typed.
     */
    static List<String> asRun(List<String> words) {
        return words.size() > 1 && words.get(0).equals(PROGRAM) ? words.subList(1, words.size()) : words;
    }

    int execute(String line, CliContext lineContext, PrintWriter lineOut, PrintWriter lineErr, Runnable clear) {
        Cancellation.reset();
        try {
            List<String> typed = ShellWords.split(line).texts();
            List<String> words = new ArrayList<>(typed.equals(List.of(PROGRAM)) ? List.of("help") : asRun(typed));
            if (words.isEmpty()) {
                return ExitCodes.OK;
            }
            switch (words.get(0)) {
                case "exit", "quit" -> {
                    return STOP;
                }
                case "use" -> {
                    if (words.size() != 2) {
                        throw GptmemException.usage("usage: use PROFILE");
                    }
                    chosenProfile = lineContext.profiles().requireUsable(words.get(1));
                    return ExitCodes.OK;
                }
                case "clear" -> {
                    clear.run();
                    return ExitCodes.OK;
                }
                case "help" -> {
                    if (words.size() == 1) {
                        ShellHelp.print(lineOut, commandLine(lineOut, lineErr));
                        return ExitCodes.OK;
                    }
                    words.remove(0);
                    // As 'gptmem help' does: a name that is no command is an error, not the general help.
                    CommandLine command = HelpCommand.find(Cli.create(lineContext, lineOut, lineErr), words, "help");
                    command.usage(lineOut, command.getColorScheme());
                    return ExitCodes.OK;
                }
                default -> { }
            }
            CommandLine cli = Cli.create(lineContext, lineOut, lineErr);
            int code = cli.execute(words.toArray(String[]::new));
            if (code == ExitCodes.OK) {
                follow(cli.getParseResult());
            }
            return code;
        } catch (GptmemException e) {
            lineErr.println(lineContext.errorPrefix() + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            lineErr.println(lineContext.errorPrefix() + "internal error: " + e);
            return ExitCodes.FAILURE;
        } finally {
            lineOut.flush();
            lineErr.flush();
        }
    }

    /** After 'profile use' or a rename of the shell's profile, the shell goes where the user went. */
    private void follow(ParseResult parsed) {
        ParseResult profile = parsed.subcommand();
        if (profile == null || !profile.commandSpec().name().equals("profile") || profile.subcommand() == null) {
            return;
        }
        ParseResult sub = profile.subcommand();
        List<String> args = sub.matchedPositionals().stream().map(p -> p.<String>getValue()).toList();
        if (sub.commandSpec().name().equals("use")) {
            chosenProfile = args.get(0);
        } else if (sub.commandSpec().name().equals("rename") && args.get(0).equals(lineContext().profile())) {
            chosenProfile = args.get(1);
        }
    }

    CommandLine commandLine(PrintWriter lineOut, PrintWriter lineErr) {
        return Cli.create(lineContext(), lineOut, lineErr);
    }

    /** A context for one line: the shell's home and profile, nothing to read on stdin, new memories marked 'shell'. */
    CliContext lineContext() {
        Map<String, String> env = new HashMap<>(context.env());
        env.put("GPTMEM_HOME", home.dir().toString());
        if (chosenProfile != null) {
            env.put("GPTMEM_PROFILE", chosenProfile);
        }
        return new CliContext(env, InputStream.nullInputStream(), context.terminal()).from("shell");
    }

    /** The profile and its number of memories, read afresh: another process may have changed it. */
    String prompt() {
        CliContext lineContext = lineContext();
        String profile = lineContext.profile();
        long count;
        try {
            count = lineContext.profiles().show(profile).memories();
        } catch (GptmemException e) {
            count = 0;
        }
        return profile + " (" + count + ")> ";
    }

    /** Questions from commands (confirmations, typed content) read through a plain line editor of their own. */
    private static Console questions(Terminal terminal) {
        DefaultParser plain = new DefaultParser();
        plain.setQuoteChars(new char[0]);
        plain.setEscapeChars(new char[0]);
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .parser(plain)
                .variable(LineReader.DISABLE_HISTORY, true)
                .variable(LineReader.DISABLE_COMPLETION, true)
                .build();
        return (err, prompt) -> {
            err.flush();
            try {
                return reader.readLine(prompt);
            } catch (EndOfFileException e) {
                return null;
            } catch (UserInterruptException e) {
                throw GptmemException.failure("cancelled");
            }
        };
    }

    private Path historyFile() throws IOException {
        Path file = OwnerOnly.directory(home.dir()).resolve("history");
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        OwnerOnly.file(file);
        return file;
    }
}
