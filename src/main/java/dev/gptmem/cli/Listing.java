package dev.gptmem.cli;

import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.MemoryService;
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
        MemoryService.PageEnd end;
        boolean table = output.format() == OutputOptions.Format.TABLE;
        try (MemoryOutput printer = new MemoryOutput(output.format(), out, context)) {
            if (table) {
                end = context.memories().listPage(profile, query, printer);
            } else {
                context.memories().list(profile, query, printer);
                end = null;
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
        } else if (end.more()) {
            long last = query.offset() + found;
            String shown = found == 1 ? String.format(Locale.ROOT, "memory %,d", last)
                    : String.format(Locale.ROOT, "memories %,d-%,d", query.offset() + 1, last);
            String of = end.total().isPresent() ? String.format(Locale.ROOT, " of %,d", end.total().getAsLong()) : "";
            spec.commandLine().getErr().println(shown + of + "; --offset " + last + " shows the next");
        }
    }
}
