package dev.gptmem.cli;

import dev.gptmem.core.MemoryQuery;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "list", aliases = "ls", sortOptions = false, usageHelpAutoWidth = true,
        header = "List memories, newest first.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem list -t music --limit 10",
            "  gptmem list --pinned --sort name",
            "  gptmem list --jsonl | jq -r 'select(.tags | index(\"work\")) | .content'",
            "  gptmem list -q | wc -l"
        })
final class ListCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    Filters filters;

    @Mixin
    OutputOptions output;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Listing.print(context, spec, output, filters.query());
    }

    /** Options that narrow and order a listing. */
    static final class Filters {
        @Option(names = {"-t", "--tag"}, paramLabel = "TAG", split = ",",
                description = "Only memories with this tag (repeatable: all must match).")
        List<String> tags = new ArrayList<>();

        @Option(names = "--pinned", negatable = true,
                description = "Only pinned memories (--no-pinned: only unpinned ones).")
        Boolean pinned;

        @Option(names = "--sort", paramLabel = "KEY", defaultValue = "created",
                description = "created (newest first), updated (latest change first) or name (A-Z). Default: ${DEFAULT-VALUE}.")
        MemoryQuery.Sort sort;

        @Option(names = {"-r", "--reverse"}, description = "Reverse the order.")
        boolean reverse;

        @Option(names = {"-l", "--limit"}, paramLabel = "N", description = "Show at most N memories.")
        Integer limit;

        @Option(names = "--offset", paramLabel = "N", defaultValue = "0", description = "Skip the first N.")
        int offset;

        MemoryQuery query() {
            return new MemoryQuery(tags, pinned, null, sort, reverse, limit, offset);
        }
    }
}
