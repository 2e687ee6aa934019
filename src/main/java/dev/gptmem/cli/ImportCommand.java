package dev.gptmem.cli;

import dev.gptmem.core.Cancellation;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ImportFormat;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.ImportResult;
import dev.gptmem.core.MemoryReader;
import dev.gptmem.io.ImportReaders;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** {@code gptmem import}: reads memories into a profile, or restores a backup of every profile. */
final class ImportCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private String file;
    private ImportOptions.OnConflict onConflict;
    private ImportFormat format;
    private boolean allowDuplicates;
    private boolean dryRun;
    private boolean all;

    ImportCommand(CliContext context) {
        super("Read memories from a gptmem export or JSON Lines, or from other memory tools.",
                "The format is recognised from the content, or given with --format; gzip-compressed input is read"
                        + " uncompressed. The import is one transaction:"
                        + " if any record is malformed, nothing is written and the error names the record. Memories"
                        + " without an id get a new one, and one whose content, name, summary and reason are all those"
                        + " of a memory the profile has already, or that the input repeats, is skipped as a duplicate"
                        + " unless --allow-duplicates is given; a memory with an id is that memory, whatever it says."
                        + " A warning names each field that is not kept.");
        Terms.add(spec, "Formats:",
                new String[] {"gptmem", "gptmem's export document, a JSON array of memories, or JSON Lines;"
                        + " 'description' is another name for 'content'."},
                new String[] {"chatgpt", "ChatGPT's memory as copied from 'Manage memories': one memory per line,"
                        + " bullets (- * •) and blank lines dropped. It has no dates: the memories get the time of the"
                        + " import. Input that does not start like JSON is taken for it; a line of JSON further on"
                        + " then fails the import, as damaged JSON, unless --format chatgpt is given."},
                new String[] {"mcp", "memory.jsonl of the MCP memory server: each entity becomes a memory named"
                        + " after it, tagged with its type (\"Travel plans\" becomes travel-plans), its observations"
                        + " one per line as the content; each relation is added as a line to the memories of both its"
                        + " entities, or kept as a memory tagged 'relation' when the file has neither."},
                new String[] {"gpt-api", "records of the memory APIs for custom GPTs (id, name, description,"
                        + " summary, reason), as a JSON array, in JSON Lines, or wrapped in an object; ids that are not"
                        + " UUIDs (here and in mem0) are replaced by new ones."},
                new String[] {"mem0", "a mem0 export, a JSON array or {\"results\": [...]}: 'memory' is the content,"
                        + " 'categories' the tags; created_at and updated_at are kept, 'metadata', 'user_id', 'hash'"
                        + " and the like are not."});
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem -p trainer import backup.json",
                "  gptmem import --dry-run memories.jsonl",
                "  gptmem import --on-conflict newer laptop.json",
                "  gptmem -p old export | gptmem -p new import",
                "  gptmem -p restored import backup.json.gz",
                "  pbpaste | gptmem -p trainer import --format chatgpt",
                "  gptmem -p assistant import memory.jsonl",
                "  gptmem -p assistant import --allow-duplicates mem0-export.json",
                "  gptmem import --all home-backup.json.gz");
        spec.addPositional(Specs.parameter(() -> file, v -> file = v, "FILE").arity("0..1").type(String.class)
                .description("File to read, or '-' for standard input (the default).").build());
        spec.addOption(Specs.option(() -> onConflict, v -> onConflict = v, "--on-conflict")
                .type(ImportOptions.OnConflict.class).paramLabel("POLICY").defaultValue("skip")
                .description("When an id already exists: skip (keep the existing one), replace, newer (keep whichever"
                        + " was updated last) or fail (import nothing). Default: ${DEFAULT-VALUE}.").build());
        ImportFormatNames names = new ImportFormatNames();
        spec.addOption(Specs.option(() -> format, v -> format = v, "-f", "--format").type(ImportFormat.class)
                .paramLabel("FORMAT").defaultValue("auto").converters(names).completionCandidates(names)
                .description("What the input is: ${COMPLETION-CANDIDATES} (see Formats above)."
                        + " Default: ${DEFAULT-VALUE}, recognised from the content.").build());
        spec.addOption(Specs.flag(() -> allowDuplicates, v -> allowDuplicates = v,
                "Import memories without an id even when one with the same content, name, summary and reason"
                        + " is in the profile already, or repeated in the input.", "--allow-duplicates"));
        spec.addOption(Specs.flag(() -> dryRun, v -> dryRun = v,
                "Check the input and report what would happen, writing nothing.", "-n", "--dry-run"));
        spec.addOption(Specs.flag(() -> all, v -> all = v, "Restore every profile of a backup made by"
                + " 'gptmem export --all', creating the missing ones. The whole backup is checked first: malformed"
                + " input anywhere changes no profile. Then each profile is imported all or nothing; should one fail"
                + " even so (an id conflict under --on-conflict fail, a busy profile), the ones before it stay"
                + " restored and the error names them.", "--all"));
    }

    @Override
    public void run() {
        try (Cancellation.Work work = Cancellation.begin()) {
            importInput();
        }
    }

    private void importInput() {
        PrintWriter err = spec.commandLine().getErr();
        if (all) {
            if (format != ImportFormat.AUTO && format != ImportFormat.GPTMEM) {
                throw GptmemException.usage("--all reads only backups made by 'gptmem export --all'; leave out --format");
            }
            new Restore(context, err).run(file, new ImportOptions(onConflict, dryRun, allowDuplicates));
            return;
        }
        String profile = context.profile();
        ImportResult result;
        try (InputStream in = open();
             MemoryReader reader = ImportReaders.open(in, format,
                     w -> err.println(context.errorPrefix() + "warning: " + w))) {
            result = context.transfer().importFrom(profile, reader,
                    new ImportOptions(onConflict, dryRun, allowDuplicates));
        } catch (IOException e) {
            throw GptmemException.io("cannot read " + (file == null || "-".equals(file) ? "standard input" : file), e);
        }
        err.println(summary(result, profile));
    }

    /** The line an import ends with, for one profile: what it did, or would have done. */
    static String summary(ImportResult result, String profile) {
        return (result.dryRun() ? "dry run, nothing written: would have imported " : "imported ")
                + result.imported() + ", replaced " + result.replaced() + ", skipped " + result.skipped()
                + " (" + result.duplicates() + " duplicates) into "
                + (result.newProfile() ? "new " : "") + "profile '" + profile + "'";
    }

    private InputStream open() throws IOException {
        if (file == null || "-".equals(file)) {
            if (file == null && context.terminal().stdinIsTerminal()) {
                throw GptmemException.usage("no input: give a FILE, or pipe the data in (see 'gptmem import --help')");
            }
            // Standard input belongs to the caller (the shell reads on after an import): never close it.
            return new BufferedInputStream(new FilterInputStream(context.stdin()) {
                @Override
                public void close() {
                }
            });
        }
        try {
            InputStream in = Files.newInputStream(Path.of(file));
            if (context.terminal().stderrIsTerminal()) {
                in = ProgressBar.reading(in, Files.size(Path.of(file)), "importing", spec.commandLine().getErr(),
                        context.progressDelay());
            }
            return new BufferedInputStream(in);
        } catch (NoSuchFileException e) {
            throw GptmemException.notFound("no such file: " + file);
        }
    }
}
