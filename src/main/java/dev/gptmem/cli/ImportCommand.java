package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.ImportResult;
import dev.gptmem.io.JsonMemoryReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", sortOptions = false, usageHelpAutoWidth = true,
        header = "Read memories from a gptmem export, a JSON array of memories, or JSON Lines.",
        description = "The format is recognised from the content. The import is one transaction: if any record is "
              + "malformed, nothing is written and the error names the record. Memories without an id get a new "
              + "one; 'description' is accepted as another name for 'content'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem -p trainer import backup.json",
            "  gptmem import --dry-run memories.jsonl",
            "  gptmem import --on-conflict newer laptop.json",
            "  gptmem -p old export | gptmem -p new import",
            "  gptmem import --all home-backup.json"
        })
final class ImportCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "File to read, or '-' for standard input (the default).")
    String file;

    @Option(names = "--on-conflict", paramLabel = "POLICY", defaultValue = "skip",
            description = "When an id already exists: skip (keep the existing one), replace, newer (keep whichever"
                    + " was updated last) or fail (import nothing). Default: ${DEFAULT-VALUE}.")
    ImportOptions.OnConflict onConflict;

    @Option(names = {"-n", "--dry-run"}, description = "Check the input and report what would happen, writing nothing.")
    boolean dryRun;

    @Option(names = "--all", description = "Restore every profile of a backup made by 'gptmem export --all', creating"
            + " the missing ones. The whole backup is checked first: malformed input anywhere changes no profile. Then"
            + " each profile is imported all or nothing; should one fail even so (an id conflict under --on-conflict"
            + " fail, a busy profile), the ones before it stay restored and the error names them.")
    boolean all;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        PrintWriter err = spec.commandLine().getErr();
        if (all) {
            new Restore(context, err).run(file, new ImportOptions(onConflict, dryRun));
            return;
        }
        String profile = context.profile();
        ImportResult result;
        try (InputStream in = open();
             JsonMemoryReader reader = new JsonMemoryReader(in, w -> err.println(context.errorPrefix() + "warning: " + w))) {
            result = context.transfer().importFrom(profile, reader, new ImportOptions(onConflict, dryRun));
        } catch (IOException e) {
            throw GptmemException.failure("cannot read " + file + ": " + e.getMessage(), e);
        }
        err.println((result.dryRun() ? "dry run, nothing written: would have imported " : "imported ")
                + result.imported() + ", replaced " + result.replaced() + ", skipped " + result.skipped()
                + " into profile '" + profile + "'");
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
                in = ProgressBar.reading(in, Files.size(Path.of(file)), "importing", spec.commandLine().getErr());
            }
            return new BufferedInputStream(in);
        } catch (NoSuchFileException e) {
            throw GptmemException.notFound("no such file: " + file);
        }
    }
}
