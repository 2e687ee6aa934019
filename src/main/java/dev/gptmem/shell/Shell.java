package dev.gptmem.shell;

import dev.gptmem.cli.Cli;
import dev.gptmem.cli.CliContext;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.core.ProfileNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.SyntaxError;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import picocli.CommandLine;

/**
 * The read-run loop. Every line runs on a fresh context and {@code CommandLine} from
 * {@link Cli#create}, exactly as a one-shot command would, so a line cannot leave state behind
 * that breaks the next one.
 */
public final class Shell {
    private static final int STOP = -1;

    private final CliContext context;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Home home;
    private final DefaultParser parser = new DefaultParser();
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

    /** Reads lines from a person until {@code exit} or end of input; one bad line never ends the session. */
    public int interactive(Terminal terminal) throws IOException {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gptmem")
                .parser(parser)
                .completer(new ShellCompleter(this))
                .variable(LineReader.HISTORY_FILE, historyFile())
                .option(LineReader.Option.HISTORY_IGNORE_SPACE, true)
                .build();
        PrintWriter screen = terminal.writer();
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
                if (execute(line, screen, screen) == STOP) {
                    return ExitCodes.OK;
                }
            }
        } finally {
            reader.getHistory().save();
            terminal.close();
        }
    }

    /** Runs every line of a script; the exit code of the first line that failed, else 0. */
    public int script(BufferedReader lines) throws IOException {
        int result = ExitCodes.OK;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int code = execute(line, out, err);
            if (code == STOP) {
                break;
            }
            if (result == ExitCodes.OK) {
                result = code;
            }
        }
        return result;
    }

    int execute(String line, PrintWriter lineOut, PrintWriter lineErr) {
        try {
            List<String> words = words(line);
            if (words.isEmpty() || words.get(0).startsWith("#")) {
                return ExitCodes.OK;
            }
            switch (words.get(0)) {
                case "exit":
                case "quit":
                    return STOP;
                case "use":
                    if (words.size() != 2) {
                        throw GptmemException.usage("usage: use PROFILE");
                    }
                    chosenProfile = ProfileNames.check(words.get(1));
                    return ExitCodes.OK;
                case "help":
                    words.remove(0);
                    words.add("--help");
                    break;
                default:
                    break;
            }
            return commandLine(lineOut, lineErr).execute(words.toArray(String[]::new));
        } catch (GptmemException e) {
            lineErr.println("gptmem: " + e.getMessage());
            return e.exitCode();
        } catch (RuntimeException e) {
            lineErr.println("gptmem: internal error: " + e);
            return ExitCodes.FAILURE;
        } finally {
            lineOut.flush();
            lineErr.flush();
        }
    }

    /** Splits a line as a POSIX shell would for quotes and backslashes. */
    private List<String> words(String line) {
        try {
            List<String> words = new ArrayList<>(parser.parse(line, line.length(), ParseContext.ACCEPT_LINE).words());
            if (!words.isEmpty() && words.get(words.size() - 1).isEmpty() && !line.stripTrailing().endsWith("\"")
                    && !line.stripTrailing().endsWith("'")) {
                words.remove(words.size() - 1);
            }
            return words;
        } catch (SyntaxError e) {
            throw GptmemException.usage("cannot read the line: " + e.getMessage());
        }
    }

    CommandLine commandLine(PrintWriter lineOut, PrintWriter lineErr) {
        return Cli.create(lineContext(), lineOut, lineErr);
    }

    CliContext lineContext() {
        Map<String, String> env = new HashMap<>(context.env());
        env.put("GPTMEM_HOME", home.dir().toString());
        if (chosenProfile != null) {
            env.put("GPTMEM_PROFILE", chosenProfile);
        }
        return new CliContext(env, InputStream.nullInputStream(), context.terminal());
    }

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

    private Path historyFile() throws IOException {
        Path file = OwnerOnly.directory(home.dir()).resolve("history");
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        OwnerOnly.file(file);
        return file;
    }
}
