package dev.gptmem.cli;

import dev.gptmem.core.MemoryQuery;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a list query and prints what it finds. */
final class Listing {

    private Listing() {
    }

    static void print(CliContext context, CommandSpec spec, OutputOptions output, MemoryQuery query) {
        String profile = context.profile();
        PrintWriter out = spec.commandLine().getOut();
        long found;
        try (MemoryOutput printer = new MemoryOutput(output.format(), out, context)) {
            context.memories().list(profile, query, printer);
            found = printer.count();
        }
        if (found == 0 && output.format() == OutputOptions.Format.TABLE) {
            spec.commandLine().getErr().println("no memories found in profile '" + profile + "'");
        }
    }
}
