package dev.gptmem.cli;

import dev.gptmem.core.BackupService;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Home;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.ProfileService;
import dev.gptmem.core.Storage;
import dev.gptmem.core.TransferService;
import dev.gptmem.search.LuceneSearch;
import dev.gptmem.store.H2Storage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * What commands need from the world: environment, standard input, the terminal, and the services,
 * built on first use from the global options. One context serves one {@code CommandLine}.
 */
public final class CliContext {
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROGRESS_DELAY = Duration.ofSeconds(1);

    private final Map<String, String> env;
    private final InputStream stdin;
    private final Terminal terminal;
    private final GlobalOptions globals = new GlobalOptions();
    private String activity = "gptmem";
    private Console console;
    private String source = "cli";
    private String where;
    private Home home;
    private Storage storage;
    private MemoryService memories;
    private PrintWriter notices;

    public CliContext(Map<String, String> env, InputStream stdin, Terminal terminal) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.terminal = terminal;
    }

    public Map<String, String> env() {
        return env;
    }

    public InputStream stdin() {
        return stdin;
    }

    public Terminal terminal() {
        return terminal;
    }

    /** Questions go to {@code console} instead of standard input (the shell's line editor). */
    public CliContext asking(Console console) {
        this.console = console;
        return this;
    }

    /** New memories record {@code source} as where they came from. */
    public CliContext from(String source) {
        this.source = source;
        return this;
    }

    /** Errors point at {@code where} (such as "line 3" of a script). */
    public CliContext at(String where) {
        this.where = where;
        return this;
    }

    Console console() {
        if (console == null) {
            console = Console.over(stdin);
        }
        return console;
    }

    String source() {
        return source;
    }

    /** Where notices of slow work nobody asked for go: the command line's standard error. */
    void noticesTo(PrintWriter err) {
        this.notices = err;
    }

    private void notice(String text) {
        if (notices != null) {
            notices.println(errorPrefix() + text);
            notices.flush();
        }
    }

    /** A wait for a busy profile, told only to a person at a terminal: a script's stderr keeps to one error line. */
    private void waiting(String text) {
        if (terminal.stderrIsTerminal()) {
            notice(text);
        }
    }

    /** What every error line starts with. */
    public String errorPrefix() {
        return where == null ? "gptmem: " : "gptmem: " + where + ": ";
    }

    GlobalOptions globals() {
        return globals;
    }

    boolean debug() {
        return globals.debug;
    }

    /** What this process is doing, as shown to another command waiting for the same profile. */
    void setActivity(String activity) {
        this.activity = activity;
    }

    /** Colour only for a person at a terminal, and never when {@code NO_COLOR} is set. */
    public boolean colour() {
        String noColor = env.get("NO_COLOR");
        return (noColor == null || noColor.isEmpty()) && terminal.stdoutIsTerminal();
    }

    public Home home() {
        if (home == null) {
            home = Home.resolve(globals.home, env);
        }
        return home;
    }

    /** The profile this command works on. */
    public String profile() {
        return home().chooseProfile(globals.profile, env);
    }

    Storage storage() {
        if (storage == null) {
            storage = new H2Storage(home(), lockTimeout(), () -> activity, new LuceneSearch(), this::notice,
                    this::waiting);
        }
        return storage;
    }

    public MemoryService memories() {
        if (memories == null) {
            memories = new MemoryService(storage());
        }
        return memories;
    }

    public ProfileService profiles() {
        return new ProfileService(home(), storage());
    }

    TransferService transfer() {
        return new TransferService(storage(), memories());
    }

    BackupService backup() {
        return new BackupService(storage(), transfer());
    }

    /** {@code GPTMEM_LOCK_TIMEOUT} (seconds) overrides how long to wait for a busy profile. */
    private Duration lockTimeout() {
        return seconds("GPTMEM_LOCK_TIMEOUT", LOCK_TIMEOUT);
    }

    /**
     * How long an export or import runs before it shows its progress, so quick ones show none;
     * {@code GPTMEM_PROGRESS_DELAY} (seconds) overrides it, as GIT_PROGRESS_DELAY does for git.
     */
    Duration progressDelay() {
        return seconds("GPTMEM_PROGRESS_DELAY", PROGRESS_DELAY);
    }

    private Duration seconds(String variable, Duration otherwise) {
        String seconds = env.get(variable);
        if (seconds == null || seconds.isBlank()) {
            return otherwise;
        }
        try {
            double value = Double.parseDouble(seconds.strip());
            if (value >= 0 && value < Long.MAX_VALUE / 1000.0) {
                return Duration.ofMillis(Math.round(value * 1000));
            }
        } catch (NumberFormatException e) {
            // Reported below, as any other value that is not a number of seconds.
        }
        throw GptmemException.usage(variable + " must be a number of seconds, not '" + seconds + "'");
    }

    /**
     * Asks a yes/no question on the terminal before {@code action} (such as "delete 3 memories").
     * Without a terminal to ask on, nothing destructive happens silently: the caller must pass -y.
     */
    boolean confirm(PrintWriter err, String action) {
        if (!terminal.stdinIsTerminal()) {
            throw GptmemException.failure("not going to " + action
                    + " without confirmation (no terminal to ask on); pass -y to confirm");
        }
        String question = Character.toUpperCase(action.charAt(0)) + action.substring(1) + "?";
        String answer = console().readLine(err, question + " [y/N] ");
        return answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
    }
}
