package dev.gptmem;

import dev.gptmem.cli.Cli;

/** Entry point: the only place that exits the JVM. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
