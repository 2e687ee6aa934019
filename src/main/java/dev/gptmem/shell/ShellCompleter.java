package dev.gptmem.shell;

import dev.gptmem.core.GptmemException;
import dev.gptmem.cli.CliContext;
import dev.gptmem.core.Ids;
import dev.gptmem.core.Memory;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Completes shell words, command names and options (from picocli's model), profile names, tags
 * after a tag option, and memory ids (shown with each memory's one line) where a command takes ids.
 */
final class ShellCompleter implements Completer {
    private static final List<String> SHELL_WORDS = List.of("use", "help", "exit", "quit");
    private static final Set<String> TAG_OPTIONS = Set.of("-t", "--tag", "--add-tag", "--rm-tag");
    private static final Set<String> ID_COMMANDS = Set.of("show", "edit", "rm");
    private static final int MAX_IDS = 50;

    private final Shell shell;
    private final CommandSpec spec;

    ShellCompleter(Shell shell) {
        this.shell = shell;
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        this.spec = shell.commandLine(none, none).getCommandSpec();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String previous = index > 0 ? words.get(index - 1) : "";
        if (index == 0) {
            SHELL_WORDS.forEach(word -> candidates.add(new Candidate(word)));
        }
        if ((index == 1 && words.get(0).equals("use")) || previous.equals("-p") || previous.equals("--profile")) {
            profiles().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        String word = words.get(index).substring(0, line.wordCursor());
        if (TAG_OPTIONS.contains(previous)) {
            tags().forEach(tag -> candidates.add(new Candidate(tag)));
            return;
        }
        if (index > 0 && ID_COMMANDS.contains(words.get(0)) && !word.startsWith("-") && !previous.startsWith("-")) {
            memoriesStartingWith(word).forEach(m -> candidates.add(new Candidate(m.id(), Ids.shortId(m.id()),
                    null, describe(m), null, null, true)));
        }
        List<CharSequence> suffixes = new ArrayList<>();
        AutoComplete.complete(spec, words.toArray(String[]::new), index, line.wordCursor(), line.cursor(), suffixes);
        suffixes.forEach(suffix -> candidates.add(new Candidate(word + suffix)));
    }

    private List<String> profiles() {
        try {
            return shell.lineContext().profiles().names();
        } catch (GptmemException e) {
            return List.of();
        }
    }

    /** A memory's one line, short enough to sit beside its id in the candidate list. */
    private static String describe(Memory m) {
        String line = m.headline().strip().replaceAll("\\s+", " ");
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    private List<String> tags() {
        try {
            CliContext context = shell.lineContext();
            return context.memories().tags(context.profile());
        } catch (GptmemException e) {
            return List.of();
        }
    }

    private List<Memory> memoriesStartingWith(String typed) {
        try {
            CliContext context = shell.lineContext();
            return context.memories().startingWith(context.profile(), typed, MAX_IDS);
        } catch (GptmemException e) {
            return List.of();
        }
    }
}
