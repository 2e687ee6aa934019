package dev.gptmem.cli;

import dev.gptmem.core.Durable;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.MemoryQuery;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.io.JsonMemoryWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", sortOptions = false, usageHelpAutoWidth = true,
        header = "Write a profile's memories as JSON.",
        description = "json (the default) is one lossless document that 'gptmem import' restores exactly; jsonl is one "
              + "memory per line, for streaming and jq. Memories are written oldest first. With -o the file "
              + "appears only once it is complete, readable by its owner only.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem export -o backup.json",
            "  gptmem -p trainer export --format jsonl -t fitness > fitness.jsonl",
            "  gptmem export | gptmem -p copy import"
        })
final class ExportCommand implements Runnable {
    enum Format { JSON, JSONL }

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
            description = "json or jsonl. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", split = ",",
            description = "Only memories with this tag (repeatable: all must match).")
    List<String> tags = new ArrayList<>();

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        String profile = context.profile();
        MemoryQuery query = MemoryQuery.withTags(tags);
        JsonMemoryWriter.Shape shape = format == Format.JSONL ? JsonMemoryWriter.Shape.LINES : JsonMemoryWriter.Shape.DOCUMENT;
        long count;
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            count = context.transfer().export(profile, query, new JsonMemoryWriter(out, shape));
            if (out.checkError()) {
                throw GptmemException.failure("cannot write to standard output");
            }
        } else {
            count = exportToFile(profile, query, shape);
        }
        spec.commandLine().getErr().println("exported " + count + (count == 1 ? " memory" : " memories")
                + " from profile '" + profile + "'" + (output == null ? "" : " to " + output));
    }

    /** Writes beside the target and moves it into place, so a failed export never leaves half a file. */
    private long exportToFile(String profile, MemoryQuery query, JsonMemoryWriter.Shape shape) {
        Path target = output.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            long count;
            try (Writer file = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                OwnerOnly.file(tmp);
                count = context.transfer().export(profile, query, new JsonMemoryWriter(file, shape));
            }
            Durable.replace(tmp, target);
            return count;
        } catch (IOException e) {
            throw GptmemException.failure("cannot write " + output + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // Only a leftover partial file; the error that matters was already raised.
            }
        }
    }
}
