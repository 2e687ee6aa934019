package dev.gptmem;

import dev.gptmem.cli.Cli;
import dev.gptmem.shell.ShellCommand;
import java.util.List;

/** Entry point: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The shell is added here, not in Cli.create, so a line typed in the shell cannot start another shell.
        System.exit(Cli.run(List.of(ShellCommand.class), args));
    }
}
