package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** {@code gptmem help [COMMAND...]}: what {@code gptmem [COMMAND...] --help} prints, as git and go take it. */
public final class HelpCommand extends ModelledCommand implements Runnable {
    private List<String> names = new ArrayList<>();

    public HelpCommand(CliContext context) {
        super("Show the help of gptmem or of a command.", "The same as 'gptmem COMMAND --help'.");
        Specs.examples(spec, "  gptmem help", "  gptmem help import", "  gptmem help profile create");
        spec.addPositional(Specs.parameter(() -> names, v -> names = v, "COMMAND").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).description("A command, or a command and one of its own.").build());
    }

    @Override
    public void run() {
        CommandLine command = find(spec.root().commandLine(), names, "gptmem --help");
        command.usage(spec.commandLine().getOut(), command.getColorScheme());
    }

    /** The command {@code names} lead to from {@code root}; a usage error naming the first that leads nowhere. */
    public static CommandLine find(CommandLine root, List<String> names, String seeAlso) {
        CommandLine command = root;
        List<String> path = new ArrayList<>();
        for (String name : names) {
            path.add(name);
            CommandLine sub = command.getSubcommands().get(name);
            if (sub == null) {
                throw GptmemException.usage("no command '" + String.join(" ", path) + "' (see '" + seeAlso + "')");
            }
            command = sub;
        }
        return command;
    }
}
