package dev.gptmem.cli;

import dev.gptmem.core.BackupService;
import dev.gptmem.core.Cancellation;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.HomeWriter;
import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.MemoryWriter;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.io.CsvMemoryWriter;
import dev.gptmem.io.JsonHomeWriter;
import dev.gptmem.io.JsonMemoryWriter;
import dev.gptmem.io.MarkdownMemoryWriter;
import dev.gptmem.search.QuerySyntax;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

final class ExportCommand extends ModelledCommand implements Runnable {
    enum Format { JSON, JSONL, MD, CSV }

    private final CliContext context;
    private Path output;
    private Format format;
    private final Narrowing narrowing = new Narrowing();
    private Boolean pinned;
    private String query;
    private boolean all;

    ExportCommand(CliContext context) {
        super("Write a profile's memories as JSON, JSON Lines, Markdown or CSV.",
                "json (the default) is one lossless document that 'gptmem import' restores exactly; jsonl is one "
                        + "memory per line, for streaming and jq; md is a Markdown document to read or to give a GPT "
                        + "as a knowledge file; csv (RFC 4180) is one row per memory, for spreadsheets. Memories are "
                        + "written oldest first. The filters combine: a memory must pass every one given.",
                "",
                "--all writes every profile into one json document, a backup that 'gptmem import --all' restores. "
                        + "With -o the file appears only once it is complete, readable by its owner only. On a "
                        + "terminal, an export that takes more than a second shows its progress on standard error.");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem export -o backup.json",
                "  gptmem -p trainer export --format jsonl -t fitness > fitness.jsonl",
                "  gptmem export --format md --pinned -o knowledge.md",
                "  gptmem export --format csv --since 30d --query 'run* OR swim*' > recent.csv",
                "  gptmem export --all -o home-backup.json.gz",
                "  gptmem export | gptmem -p copy import");
        spec.addOption(Specs.<Path>option(() -> output, v -> output = v, "-o", "--output").type(Path.class)
                .paramLabel("FILE").description("Write to FILE instead of standard output; a FILE ending in .gz is"
                        + " written gzip-compressed (import reads it as it is).").build());
        spec.addOption(Specs.<Format>option(() -> format, v -> format = v, "-f", "--format").type(Format.class)
                .paramLabel("FORMAT").defaultValue("json")
                .description("json, jsonl, md or csv. Default: ${DEFAULT-VALUE}.").build());
        narrowing.addTo(spec);
        spec.addOption(Specs.<Boolean>option(() -> pinned, v -> pinned = v, "--pinned").type(Boolean.class)
                .negatable(true).description("Only pinned memories (--no-pinned: only unpinned ones).").build());
        spec.addOption(Specs.text(() -> query, v -> query = v, "QUERY",
                "Only memories this search finds (the syntax of 'gptmem search'), still oldest first.", "--query"));
        spec.addOption(Specs.flag(() -> all, v -> all = v,
                "Every profile, in one json document (a backup of the whole home).", "--all"));
    }

    @Override
    public void run() {
        try (Cancellation.Work work = Cancellation.begin()) {
            export();
        }
    }

    private void export() {
        MemoryQuery selection = MemoryQuery.exported(narrowing.tags, pinned, narrowing.since());
        SearchQuery matching = query == null ? null : QuerySyntax.parse(List.of(query));
        PrintWriter err = spec.commandLine().getErr();
        boolean progress = context.terminal().stderrIsTerminal();
        String to = output == null ? "" : " to " + output;
        if (all) {
            if (format != Format.JSON) {
                throw GptmemException.usage("--all writes one json document; leave out --format " + format.name()
                        .toLowerCase(Locale.ROOT) + " (or export each profile with -p)");
            }
            if (context.globals().profile != null) {
                throw GptmemException.usage("--all exports every profile; leave out -p");
            }
            BackupService.Written written = Output.write(output, spec.commandLine().getOut(), out -> {
                HomeWriter json = new JsonHomeWriter(out);
                try (HomeWriter home = progress ? ProgressBar.exporting(json, err, context.progressDelay()) : json) {
                    return context.backup().exportAll(selection, matching, home);
                }
            });
            err.println("exported " + memories(written.memories()) + " from " + written.profiles()
                    + (written.profiles() == 1 ? " profile" : " profiles") + to);
            return;
        }
        String profile = context.profile();
        long count = Output.write(output, spec.commandLine().getOut(), out -> {
            MemoryWriter plain = writer(out);
            try (MemoryWriter writer = progress ? ProgressBar.exporting(plain, err, context.progressDelay()) : plain) {
                return context.transfer().export(profile, selection, matching, writer);
            }
        });
        err.println("exported " + memories(count) + " from profile '" + profile + "'" + to);
    }

    private MemoryWriter writer(Writer out) {
        switch (format) {
            case JSONL: return new JsonMemoryWriter(out, JsonMemoryWriter.Shape.LINES);
            case MD: return new MarkdownMemoryWriter(out);
            case CSV: return new CsvMemoryWriter(out);
            default: return new JsonMemoryWriter(out, JsonMemoryWriter.Shape.DOCUMENT);
        }
    }

    private static String memories(long count) {
        return count + (count == 1 ? " memory" : " memories");
    }
}
