package dev.gptmem.cli;

import dev.gptmem.core.Memory;
import java.io.PrintWriter;
import java.util.List;

/** {@code gptmem show}: memories in full, or in one of the script formats. */
final class ShowCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private List<String> ids;
    private final OutputOptions output = new OutputOptions();

    ShowCommand(CliContext context) {
        super("Show memories in full.",
                "IDs may be full or unique prefixes of 4 or more hex digits, as in git.");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem show 3f2a",
                "  gptmem show 3f2a 9c1e --json",
                "  gptmem show \"$id\" --jsonl | jq -r .content");
        spec.addPositional(Specs.<List<String>>parameter(() -> ids, v -> ids = v, "ID").arity("1..*").required(true)
                .type(List.class).auxiliaryTypes(String.class).description("Memory id or unique prefix.").build());
        output.addTo(spec);
    }

    @Override
    public void run() {
        List<Memory> memories = context.memories().show(context.profile(), ids);
        PrintWriter out = spec.commandLine().getOut();
        if (output.format() != OutputOptions.Format.TABLE) {
            try (MemoryOutput printer = new MemoryOutput(output.format(), out, context)) {
                memories.forEach(printer);
            }
            return;
        }
        Style style = new Style(context.colour());
        boolean screen = context.terminal().stdoutIsTerminal();
        for (int i = 0; i < memories.size(); i++) {
            if (i > 0) {
                out.println();
            }
            MemoryOutput.detail(out, style, memories.get(i), screen);
        }
        out.flush();
    }
}
