package dev.gptmem.cli;

import dev.gptmem.core.MemoryQuery;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a list query and prints what it finds. */
final class Listing {

    private Listing() {
    }

    static void print(CliContext context, CommandSpec spec, OutputOptions output, MemoryQuery query) {
        String profile = context.profile();
        PrintWriter out = spec.commandLine().getOut();
        long found;
        OptionalLong all;
        boolean table = output.format() == OutputOptions.Format.TABLE;
        try (MemoryOutput printer = new MemoryOutput(output.format(), out, context)) {
            if (table) {
                all = context.memories().listPage(profile, query, printer);
            } else {
                context.memories().list(profile, query, printer);
                all = OptionalLong.empty();
            }
            found = printer.count();
        }
        if (!table) {
            return;
        }
        if (found == 0) {
            // Say so when the paging, not the filters, left nothing to show.
            String why = query.limit() != null && query.limit() == 0 ? " (--limit 0 shows none)"
                    : query.offset() > 0 ? " past the first " + query.offset() : "";
            spec.commandLine().getErr().println("no memories found in profile '" + profile + "'" + why);
        } else if (all.isPresent() && all.getAsLong() > query.offset() + found) {
            // A full page, with more after it.
            long last = query.offset() + found;
            String shown = found == 1 ? String.format(Locale.ROOT, "memory %,d", last)
                    : String.format(Locale.ROOT, "memories %,d-%,d", query.offset() + 1, last);
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "%s of %,d; --offset %d shows the next", shown, all.getAsLong(), last));
        }
    }
}
