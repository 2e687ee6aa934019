package dev.gptmem.cli;

import dev.gptmem.core.MemoryDraft;
import dev.gptmem.core.MemoryService;
import dev.gptmem.core.ProfileNames;
import java.util.ArrayList;
import java.util.List;

final class AddCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private List<String> text = new ArrayList<>();
    private String name;
    private String summary;
    private String reason;
    private List<String> tags = new ArrayList<>();
    private boolean pin;

    AddCommand(CliContext context) {
        super("Add a memory and print its id.",
                "The content is the arguments joined by spaces. With no arguments or '-', it is read from "
                        + "standard input; at a terminal you type it line by line, ending with an empty line or Ctrl-D. "
                        + "Only the new id is printed, so id=$(gptmem add …) works.");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem add \"Prefers metric units\" -t prefs",
                "  gptmem add -n \"Training plan\" -t fitness,plans --pin \"Runs 5k three times a week\"",
                "  id=$(echo \"Allergic to penicillin\" | gptmem -p doctor add -t health)");
        spec.addPositional(Specs.<List<String>>parameter(() -> text, v -> text = v, "TEXT").arity("0..*")
                .type(List.class).auxiliaryTypes(String.class)
                .description("The memory's content, or '-' to read standard input.").build());
        spec.addOption(Specs.text(() -> name, v -> name = v, "NAME", "Short title.", "-n", "--name"));
        spec.addOption(Specs.text(() -> summary, v -> summary = v, "TEXT", "One-line summary.", "-s", "--summary"));
        spec.addOption(Specs.text(() -> reason, v -> reason = v, "TEXT", "Why it is worth remembering.",
                "-r", "--reason"));
        spec.addOption(Specs.strings(() -> tags, v -> tags = v, "TAG", "Tag (repeatable, or comma-separated).",
                "-t", "--tag"));
        spec.addOption(Specs.flag(() -> pin, v -> pin = v, "Pin it: always include it in the GPT's context.", "--pin"));
    }

    @Override
    public void run() {
        String content = content();
        MemoryService.Added added = context.memories().add(context.profile(),
                new MemoryDraft(content, name, summary, reason, tags, pin, context.source()));
        // 'default' is there for whoever names no profile; any other is made on purpose, or mistyped.
        if (added.newProfile() && !context.profile().equals(ProfileNames.DEFAULT)) {
            spec.commandLine().getErr().println("created profile '" + context.profile()
                    + "' (there was none by that name)");
        }
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
