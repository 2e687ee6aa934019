package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rm", sortOptions = false, usageHelpAutoWidth = true,
        header = "Delete memories.",
        description = "Deleting more than one memory asks first; without a terminal to ask on, it needs -y.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem rm 3f2a",
            "  gptmem rm -t scratch -y",
            "  gptmem -p trainer rm --all"
        })
final class RmCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Memory id or unique prefix.")
    List<String> ids = new ArrayList<>();

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", split = ",",
            description = "Delete the memories with this tag (repeatable: all must match).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--all", description = "Delete every memory in the profile.")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.")
    boolean yes;

    RmCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        int selectors = (ids.isEmpty() ? 0 : 1) + (tags.isEmpty() ? 0 : 1) + (all ? 1 : 0);
        if (selectors != 1) {
            throw GptmemException.usage(selectors == 0
                    ? "say which memories to delete: IDs, -t TAG or --all"
                    : "give only one of IDs, -t TAG or --all");
        }
        String profile = context.profile();
        List<String> selected = context.memories().selectForRemoval(profile, ids, tags, all);
        if (selected.size() > 1 && !yes
                && !context.confirm(spec.commandLine().getErr(),
                        "delete " + selected.size() + " memories from profile '" + profile + "'")) {
            throw GptmemException.failure("nothing deleted");
        }
        int deleted = context.memories().remove(profile, selected);
        spec.commandLine().getErr().println("deleted " + deleted + (deleted == 1 ? " memory" : " memories")
                + " from profile '" + profile + "'");
    }
}
