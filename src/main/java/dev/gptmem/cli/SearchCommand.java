package dev.gptmem.cli;

import dev.gptmem.search.SearchTerms;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "search", sortOptions = false, usageHelpAutoWidth = true,
        header = "Find memories that contain every word of a query.",
        description = "A memory matches when each word occurs, in any case, in its content, name, summary, reason or "
              + "tags. Part of a word matches too: 'unit' finds 'units'.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem search metric units",
            "  gptmem search -t prefs units --json",
            "  gptmem search penicillin -q | xargs gptmem show"
        })
final class SearchCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORD", arity = "1..*", description = "Words every match must contain.")
    List<String> query;

    @Mixin
    ListCommand.Filters filters;

    @Mixin
    OutputOptions output;

    SearchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        Listing.print(context, spec, output, filters.query(SearchTerms.words(query)));
    }
}
