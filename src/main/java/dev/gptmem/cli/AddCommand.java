package dev.gptmem.cli;

import dev.gptmem.core.MemoryDraft;
import dev.gptmem.core.MemoryService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "add", sortOptions = false, usageHelpAutoWidth = true,
        header = "Add a memory and print its id.",
        description = "The content is the arguments joined by spaces. With no arguments or '-', it is read from "
              + "standard input; at a terminal you type it line by line, ending with an empty line or Ctrl-D. "
              + "Only the new id is printed, so id=$(gptmem add …) works.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem add \"Prefers metric units\" -t prefs",
            "  gptmem add -n \"Training plan\" -t fitness,plans --pin \"Runs 5k three times a week\"",
            "  id=$(echo \"Allergic to penicillin\" | gptmem -p doctor add -t health)"
        })
final class AddCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "TEXT", arity = "0..*", description = "The memory's content, or '-' to read standard input.")
    List<String> text = new ArrayList<>();

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "Short title.")
    String name;

    @Option(names = {"-s", "--summary"}, paramLabel = "TEXT", description = "One-line summary.")
    String summary;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", description = "Why it is worth remembering.")
    String reason;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", split = ",",
            description = "Tag (repeatable, or comma-separated).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--pin", description = "Pin it: always include it in the GPT's context.")
    boolean pin;

    AddCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        String content = content();
        MemoryService.Added added = context.memories().add(context.profile(),
                new MemoryDraft(content, name, summary, reason, tags, pin, context.source()));
        if (added.duplicate()) {
            spec.commandLine().getErr().println(context.errorPrefix()
                    + "warning: a memory with exactly this content exists already; added anyway");
        }
        spec.commandLine().getOut().println(added.id());
    }

    private String content() {
        if (!text.isEmpty() && !text.equals(List.of("-"))) {
            return String.join(" ", text);
        }
        return context.terminal().stdinIsTerminal()
                ? Input.typed(context.console(), spec.commandLine().getErr())
                : Input.readAll(context.stdin());
    }
}
