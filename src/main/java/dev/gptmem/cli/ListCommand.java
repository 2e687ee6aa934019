package dev.gptmem.cli;

import dev.gptmem.core.MemoryQuery;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gptmem list}: the memories of a profile, filtered and ordered, as a table or for scripts. */
final class ListCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private final Filters filters = new Filters();
    private final OutputOptions output = new OutputOptions();

    ListCommand(CliContext context) {
        super("List memories, newest first.",
                "A table of short ids, pins (*), when each was added, its tags, and its name and summary or"
                        + " the start of its content, sized to the terminal. The filters combine: a memory is listed"
                        + " only if it passes all of them. For scripts, --json and --jsonl print whole memories and"
                        + " -q prints full ids. Find memories by what they say with 'gptmem search'.");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem list -t music --limit 10",
                "  gptmem list --pinned --sort name",
                "  gptmem list --since 7d --sort updated",
                "  gptmem list --jsonl | jq -r 'select(.tags | index(\"work\")) | .content'",
                "  gptmem list -q | wc -l");
        filters.addTo(spec);
        output.addTo(spec);
    }

    @Override
    public void run() {
        Listing.print(context, spec, output, filters.query());
    }

    /** Options that narrow and order a listing. */
    static final class Filters {
        final Narrowing narrowing = new Narrowing();
        Boolean pinned;
        MemoryQuery.Sort sort;
        boolean reverse;
        Integer limit;
        int offset;

        /** Adds -t, --since, --[no-]pinned, --sort, -r, -l and --offset to a command built in code. */
        void addTo(CommandSpec spec) {
            narrowing.addTo(spec);
            spec.addOption(Specs.option(() -> pinned, v -> pinned = v, "--pinned").type(Boolean.class).negatable(true)
                    .description("Only pinned memories (--no-pinned: only unpinned ones).").build());
            spec.addOption(Specs.option(() -> sort, v -> sort = v, "--sort").type(MemoryQuery.Sort.class)
                    .paramLabel("KEY").defaultValue("created")
                    .description("created (newest first), updated (latest change first) or name (A-Z)."
                            + " Default: ${DEFAULT-VALUE}.").build());
            spec.addOption(Specs.flag(() -> reverse, v -> reverse = v, "Reverse the order.", "-r", "--reverse"));
            spec.addOption(Specs.option(() -> limit, v -> limit = v, "-l", "--limit").type(Integer.class)
                    .paramLabel("N").description("Show at most N memories; when more follow, the table is followed by"
                            + " where it is in the whole (on standard error).").build());
            spec.addOption(Specs.option(() -> offset, v -> offset = v, "--offset").type(int.class)
                    .paramLabel("N").defaultValue("0").description("Skip the first N.").build());
        }

        MemoryQuery query() {
            return new MemoryQuery(narrowing.tags, pinned, null, sort, reverse, limit, offset, narrowing.since());
        }
    }
}
