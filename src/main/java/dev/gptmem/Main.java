package dev.gptmem;

import dev.gptmem.cli.Cli;
import dev.gptmem.cli.HelpCommand;
import dev.gptmem.shell.ShellCommand;
import java.util.List;

/** Entry point: the only place that exits the JVM. */
public final class Main {
    /**
     * The commands only the real program has, after those of {@code Cli.create}. The shell is one,
     * so a line typed in the shell cannot start another shell; help is another, as the shell has
     * a help of its own.
     */
    public static final List<Cli.Entry> PROGRAM_COMMANDS = List.of(new Cli.Entry("shell", List.of(), ShellCommand::new),
            new Cli.Entry("help", List.of(), HelpCommand::new));

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(PROGRAM_COMMANDS, args));
    }
}
