package dev.gptmem.shell;

import dev.gptmem.core.GptmemException;
import dev.gptmem.cli.CliContext;
import dev.gptmem.core.Ids;
import dev.gptmem.core.Memory;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Completes shell words, commands, subcommands and options (from picocli's model), profile names
 * where a profile is named, tags after a tag option, memory ids (shown with each memory's one line)
 * where a command takes ids, and file names where a command reads or writes a file.
 */
final class ShellCompleter implements Completer {
    private static final List<String> SHELL_WORDS = List.of("use", "help", "clear", "exit", "quit");
    private static final Set<String> TAG_OPTIONS = Set.of("-t", "--tag", "--add-tag", "--rm-tag");
    private static final Set<String> ID_COMMANDS = Set.of("show", "edit", "rm");
    private static final Set<String> PROFILE_SUBCOMMANDS = Set.of("use", "rm", "show", "rename");
    private static final Set<String> FILE_OPTIONS = Set.of("-o", "--output");
    private static final int MAX_IDS = 50;

    private final Shell shell;
    private final CommandSpec spec;
    private final FileCompleter files;

    ShellCompleter(Shell shell, FileCompleter files) {
        this.shell = shell;
        this.files = files;
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
        String word = words.get(index).substring(0, line.wordCursor());
        if (namesAProfile(words, index) || previous.equals("-p") || previous.equals("--profile")) {
            profiles().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        if (TAG_OPTIONS.contains(previous)) {
            tags().forEach(tag -> candidates.add(new Candidate(tag)));
            return;
        }
        boolean positional = index > 0 && !word.startsWith("-") && !takesValue(words.get(0), previous);
        if (FILE_OPTIONS.contains(previous) || (positional && words.get(0).equals("import"))) {
            files.complete(word, candidates);
            return;
        }
        if (positional && ID_COMMANDS.contains(words.get(0))) {
            memoriesStartingWith(word).forEach(m -> candidates.add(new Candidate(m.id(), Ids.shortId(m.id()),
                    null, describe(m), null, null, true)));
        }
        List<CharSequence> suffixes = new ArrayList<>();
        AutoComplete.complete(spec, words.toArray(String[]::new), index, line.wordCursor(), line.cursor(), suffixes);
        // Options only once a '-' is typed, as git does, so TAB on an empty word shows what matters most.
        suffixes.stream().map(suffix -> word + suffix).filter(value -> word.startsWith("-") || !value.startsWith("-"))
                .forEach(value -> candidates.add(new Candidate(value)));
    }

    /** {@code previous} is an option of {@code command} that takes the word after it as its value. */
    private boolean takesValue(String command, String previous) {
        CommandLine sub = spec.commandLine().getSubcommands().get(command);
        OptionSpec option = sub == null || !previous.startsWith("-") ? null
                : Optional.ofNullable(sub.getCommandSpec().findOption(previous))
                        .orElse(spec.findOption(previous));
        return option != null && option.arity().max() > 0;
    }

    /** 'use NAME', and the profile a 'profile' subcommand works on ('rename' names a new one second). */
    private static boolean namesAProfile(List<String> words, int index) {
        return (index == 1 && words.get(0).equals("use"))
                || (index == 2 && words.get(0).equals("profile") && PROFILE_SUBCOMMANDS.contains(words.get(1)));
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
