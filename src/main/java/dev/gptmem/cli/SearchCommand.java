package dev.gptmem.cli;

import dev.gptmem.core.SearchPage;
import dev.gptmem.core.SearchQuery;
import dev.gptmem.search.QuerySyntax;
import java.util.List;
import java.util.Locale;

final class SearchCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private List<String> query;
    private final Narrowing narrowing = new Narrowing();
    private int limit;
    private final OutputOptions output = new OutputOptions();

    SearchCommand(CliContext context) {
        super("Find memories by what they say, best match first.",
                "Ranks memories by BM25 over their name, summary, content, reason and tags; a match in the name "
                        + "or a tag counts more than one elsewhere. Words match in any case, with or without accents, and in "
                        + "any of their forms ('running' finds 'runs'), the form typed counting more.",
                "",
                "Query syntax (quote the query for your shell when it has quotes, '*' or a leading '-'):",
                "  metric units — every word must match",
                "  \"metric units\" — the words together, in this order",
                "  edit* — any word starting with 'edit'",
                "  -draft — leave out memories with the word (or \"phrase\", prefix*, tag:NAME)",
                "  vim OR emacs — either word; OR binds tighter than the implied AND",
                "  vim NOT emacs — as vim -emacs; AND may be written too (vim AND emacs), as in SQLite FTS5",
                "  tag:NAME — only memories with this tag (as -t does)",
                "  pinned:true — only pinned memories (pinned:false: only unpinned ones)",
                "",
                "A word starting with '-' must come after '--' or inside the quoted query, or it is taken for an "
                        + "option.");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem search metric units",
                "  gptmem search '\"training plan\"' -t fitness",
                "  gptmem search 'vim OR emacs -draft' --since 7d",
                "  gptmem search -t work -- deadline -moved",
                "  gptmem search 'penicill*' --json | jq '.[0].score'",
                "  gptmem search allergy -q | xargs gptmem show");
        spec.addPositional(Specs.<List<String>>parameter(() -> query, v -> query = v, "QUERY").arity("1..*")
                .required(true).type(List.class).auxiliaryTypes(String.class)
                .description("Words and operators, as above.").build());
        narrowing.addTo(spec);
        spec.addOption(Specs.<Integer>option(() -> limit, v -> limit = v, "-l", "--limit").type(int.class)
                .paramLabel("N").defaultValue("20")
                .description("Show at most N matches; when more matched, the table is followed by how many"
                        + " (on standard error). Default: ${DEFAULT-VALUE}.")
                .build());
        output.addTo(spec);
    }

    @Override
    public void run() {
        SearchQuery parsed = QuerySyntax.parse(query).withFilters(narrowing.tags, narrowing.since());
        String profile = context.profile();
        boolean table = output.format() == OutputOptions.Format.TABLE;
        SearchPage page = context.memories().search(profile, parsed, limit, table);
        try (SearchOutput printer = new SearchOutput(output.format(), spec.commandLine().getOut(), context)) {
            page.results().forEach(printer::accept);
        }
        if (!table) {
            return;
        }
        if (page.results().isEmpty()) {
            spec.commandLine().getErr().println("no memories match in profile '" + profile + "'");
        } else if (page.cut()) {
            // On standard error, as every message: the table on standard output stays the matches alone.
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "the best %,d of %,d matches; -l N shows more", page.results().size(), page.matches()));
        }
    }
}
