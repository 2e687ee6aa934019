package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.util.ArrayList;
import java.util.List;

/** {@code gptmem rm}: deletes memories by id, by tag or all of them, asking first when there are several. */
final class RmCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private List<String> ids = new ArrayList<>();
    private List<String> tags = new ArrayList<>();
    private boolean all;
    private boolean yes;

    RmCommand(CliContext context) {
        super("Delete memories.",
                "Deleting more than one memory asks first; without a terminal to ask on, it needs -y.");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem rm 3f2a",
                "  gptmem rm -t scratch -y",
                "  gptmem -p trainer rm --all");
        spec.addPositional(Specs.<List<String>>parameter(() -> ids, v -> ids = v, "ID").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class).description("Memory id or unique prefix.").build());
        spec.addOption(Specs.strings(() -> tags, v -> tags = v, "TAG",
                "Delete the memories with this tag (repeatable: all must match).", "-t", "--tag"));
        spec.addOption(Specs.flag(() -> all, v -> all = v, "Delete every memory in the profile.", "--all"));
        spec.addOption(Specs.flag(() -> yes, v -> yes = v, "Do not ask for confirmation.", "-y", "--yes"));
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
