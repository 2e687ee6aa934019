package dev.gptmem.cli;

import dev.gptmem.core.MemoryQuery;
import java.io.PrintWriter;
import java.util.Locale;
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
        if (output.format() != OutputOptions.Format.TABLE) {
            return;
        }
        if (found == 0) {
            // Say so when the paging, not the filters, left nothing to show.
            String why = query.limit() != null && query.limit() == 0 ? " (--limit 0 shows none)"
                    : query.offset() > 0 ? " past the first " + query.offset() : "";
            spec.commandLine().getErr().println("no memories found in profile '" + profile + "'" + why);
        } else if (query.limit() != null && found == query.limit()) {
            // A full page may have more after it; counted only then, as search counts its matches.
            long all = context.memories().count(profile, query);
            long last = query.offset() + found;
            if (all > last) {
                String shown = found == 1 ? String.format(Locale.ROOT, "memory %,d", last)
                        : String.format(Locale.ROOT, "memories %,d-%,d", query.offset() + 1, last);
                spec.commandLine().getErr().println(String.format(Locale.ROOT,
                        "%s of %,d; --offset %d shows the next", shown, all, last));
            }
        }
    }
}
