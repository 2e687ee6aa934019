package dev.gptmem;

import dev.gptmem.cli.Cli;
import dev.gptmem.shell.ShellCommand;
import picocli.CommandLine;

/** Entry point: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(Main::addProgramCommands, args));
    }

    /**
     * The commands only the real program has, added to those of {@code Cli.create}. The shell is added
     * here, so a line typed in the shell cannot start another shell.
     */
    public static CommandLine addProgramCommands(CommandLine cli) {
        return cli.addSubcommand(ShellCommand.class);
    }
}
