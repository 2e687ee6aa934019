package dev.gptmem.shell;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import picocli.CommandLine;

/** What the shell says about itself: the greeting, and 'help' with no command. */
final class ShellHelp {
    static final String GREETING = "gptmem shell: type 'help' for the commands, TAB to complete, Ctrl-D to leave.";

    private static final Map<String, String> SHELL_COMMANDS = new LinkedHashMap<>();

    static {
        SHELL_COMMANDS.put("use PROFILE", "Work on PROFILE for the rest of this session.");
        SHELL_COMMANDS.put("help [COMMAND]", "This list, or a command's options and examples.");
        SHELL_COMMANDS.put("clear", "Clear the screen.");
        SHELL_COMMANDS.put("exit, quit", "Leave the shell (so does Ctrl-D on an empty line).");
    }

    private ShellHelp() {
    }

    /** Every word that can start a line: the commands, their aliases and the shell's own. */
    static Set<String> commandNames(CommandLine cli) {
        Set<String> names = new TreeSet<>(cli.getSubcommands().keySet());
        SHELL_COMMANDS.keySet().forEach(usage -> names.add(usage.split("[ ,]")[0]));
        names.add("quit");
        return names;
    }

    static void print(PrintWriter out, CommandLine cli) {
        Map<String, String> commands = new LinkedHashMap<>();
        cli.getCommandSpec().subcommands().values().stream().distinct().forEach(sub -> {
            String[] aliases = sub.getCommandSpec().aliases();
            String label = sub.getCommandName() + (aliases.length == 0 ? "" : ", " + String.join(", ", aliases));
            commands.put(label, sub.getCommandSpec().usageMessage().header()[0]);
        });
        int width = 2 + Stream.concat(commands.keySet().stream(), SHELL_COMMANDS.keySet().stream())
                .mapToInt(String::length).max().orElse(0);
        out.println("Commands (as 'gptmem COMMAND' takes them; the 'gptmem' may be left out):");
        commands.forEach((label, header) -> out.printf("  %-" + width + "s%s%n", label, header));
        out.println();
        out.println("Shell commands:");
        SHELL_COMMANDS.forEach((label, header) -> out.printf("  %-" + width + "s%s%n", label, header));
        out.println();
        out.println("TAB completes commands, options, memory ids, tags, profiles and files. Ctrl-R searches the");
        out.println("history; lines starting with a space are not kept in it. A line ending in \\ goes on to the");
        out.println("next; 'add' with no text takes lines until an empty one. Ctrl-C cancels the line, or stops");
        out.println("a running import, export or reindex, which undoes what it began.");
    }
}
