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
            // Say so when the paging, not the filters, left nothing to show.
            String why = query.limit() != null && query.limit() == 0 ? " (--limit 0 shows none)"
                    : query.offset() > 0 ? " past the first " + query.offset() : "";
            spec.commandLine().getErr().println("no memories found in profile '" + profile + "'" + why);
        }
    }
}
