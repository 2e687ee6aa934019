package dev.gptmem.cli;

import dev.gptmem.core.Memory;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "show", sortOptions = false, usageHelpAutoWidth = true,
        header = "Show memories in full.",
        description = "IDs may be full or unique prefixes of 4 or more hex digits, as in git.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem show 3f2a",
            "  gptmem show 3f2a 9c1e --json",
            "  gptmem show \"$id\" --jsonl | jq -r .content"
        })
final class ShowCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "1..*", description = "Memory id or unique prefix.")
    List<String> ids;

    @Mixin
    OutputOptions output;

    ShowCommand(CliContext context) {
        this.context = context;
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
        for (int i = 0; i < memories.size(); i++) {
            if (i > 0) {
                out.println();
            }
            MemoryOutput.detail(out, style, memories.get(i));
        }
        out.flush();
    }
}
