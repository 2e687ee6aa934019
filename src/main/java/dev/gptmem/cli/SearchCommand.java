package dev.gptmem.cli;

import dev.gptmem.core.SearchQuery;
import dev.gptmem.core.SearchResult;
import dev.gptmem.search.QuerySyntax;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", sortOptions = false, usageHelpAutoWidth = true,
        header = "Find memories by what they say, best match first.",
        description = {
            "Ranks memories by BM25 over their name, summary, content, reason and tags; a match in the name "
                + "counts more than one elsewhere. Words match in any case, with or without accents, and in any "
                + "of their forms ('running' finds 'runs'), the form typed counting more.",
            "",
            "Query syntax (quote the query for your shell when it has quotes, '*' or a leading '-'):",
            "  metric units — every word must match",
            "  \"metric units\" — the words together, in this order",
            "  edit* — any word starting with 'edit'",
            "  -draft — leave out memories with the word (or \"phrase\", prefix*, tag:NAME)",
            "  vim OR emacs — either word; OR binds tighter than the implied AND",
            "  tag:NAME — only memories with this tag (as -t does)",
            "  pinned:true — only pinned memories (pinned:false: only unpinned ones)",
            "",
            "A word starting with '-' must come after '--' or inside the quoted query, or it is taken for an option.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem search metric units",
            "  gptmem search '\"training plan\"' -t fitness",
            "  gptmem search 'vim OR emacs -draft' --since 7d",
            "  gptmem search -t work -- deadline -moved",
            "  gptmem search 'penicill*' --json | jq '.[0].score'",
            "  gptmem search allergy -q | xargs gptmem show"
        })
final class SearchCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "Words and operators, as above.")
    List<String> query;

    @Mixin
    Narrowing narrowing;

    @Option(names = {"-l", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "Show at most N matches. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Mixin
    OutputOptions output;

    SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        SearchQuery parsed = QuerySyntax.parse(query).withFilters(narrowing.tags, narrowing.since());
        String profile = context.profile();
        List<SearchResult> found = context.memories().search(profile, parsed, limit);
        try (SearchOutput printer = new SearchOutput(output.format(), spec.commandLine().getOut(), context)) {
            found.forEach(printer::accept);
        }
        if (found.isEmpty() && output.format() == OutputOptions.Format.TABLE) {
            spec.commandLine().getErr().println("no memories match in profile '" + profile + "'");
        }
    }
}
