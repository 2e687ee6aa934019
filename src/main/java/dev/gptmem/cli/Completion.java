package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Memory;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What may come next on a half-typed command line: commands, subcommands, options and their fixed
 * values from picocli's model, and the live data a value names, read from the home and profile that
 * the line itself chooses with {@code --home} and {@code -p}. The interactive shell and the bash, zsh
 * and fish scripts (through {@link #print}) both ask here, so they offer the same things.
 *
 * <p>What a value is comes from its label in the help, so any option or parameter labelled so
 * completes alike: {@code PROFILE} an existing profile, {@code TAG} a tag in use, {@code ID} a memory
 * id (described by the memory's one line), {@code FILE} and {@code DIR} a file or folder name, which
 * the caller completes itself.
 *
 * <p>Completing never creates a profile, and never waits long for one another command holds.
 */
public final class Completion {
    /**
     * The hidden command the shell scripts run: {@code gptmem __complete WORD... CURRENT}. The words
     * are a half-typed command line rather than arguments to parse, so picocli never sees them.
     */
    public static final String COMMAND = "__complete";

    /** What the caller does with the result: offer the candidates, or complete file or folder names itself. */
    public enum Kind { WORDS, FILES, DIRECTORIES }

    /** One thing that may be typed, and a short description of it (may be null). */
    public record Candidate(String value, String description) {
    }

    public record Result(Kind kind, List<Candidate> candidates) {
        static final Result NONE = new Result(Kind.WORDS, List.of());
    }

    private static final int MAX_IDS = 50;
    private static final int MAX_DESCRIPTION = 60;
    // TAB must come back at once even while a long import holds the profile.
    private static final String LOCK_TIMEOUT_SECONDS = "0.5";

    private final CommandSpec root;
    private final Map<String, String> env;

    /** @param env the environment the completed command would run in */
    public Completion(CommandSpec root, Map<String, String> env) {
        this.root = root;
        this.env = env;
    }

    /**
     * Prints the completion of {@code words} (the words after {@code gptmem}, the last one being the
     * word at the cursor) for a shell script: a first line {@code words}, {@code files} or
     * {@code dirs}, then the candidates that start with the last word, one a line, each with its
     * description after a tab. Whatever goes wrong, it prints only that first line.
     */
    public static void print(CommandSpec root, Map<String, String> env, List<String> words, PrintWriter out) {
        List<String> line = words.isEmpty() ? List.of("") : words;
        String typed = line.get(line.size() - 1);
        Result result;
        try {
            result = new Completion(root, env).complete(line);
        } catch (RuntimeException e) {
            // A half-typed line can be anything; an error on the terminal would only garble it.
            result = Result.NONE;
        }
        out.println(switch (result.kind()) {
            case FILES -> "files";
            case DIRECTORIES -> "dirs";
            case WORDS -> "words";
        });
        for (Candidate candidate : result.candidates()) {
            if (candidate.value().startsWith(typed)) {
                out.println(candidate.description() == null ? candidate.value()
                        : candidate.value() + "\t" + candidate.description());
            }
        }
        out.flush();
    }

    /**
     * What may take the place of the last of {@code words}, the word at the cursor (maybe empty).
     * Options are offered only once a '-' is typed, as git does, so TAB on an empty word shows what
     * matters most. The candidates are not narrowed to what was typed; callers match as they like.
     */
    public Result complete(List<String> words) {
        Line line = Line.read(root, words.subList(0, words.size() - 1));
        String word = words.get(words.size() - 1);
        if (line.pending != null) {
            return valuesOf(line, line.pending, "", word);
        }
        if (!line.endOfOptions && word.startsWith("-")) {
            int equals = word.indexOf('=');
            if (equals > 0) {
                OptionSpec option = line.command.findOption(word.substring(0, equals));
                return option == null || option.arity().max() == 0 ? Result.NONE
                        : valuesOf(line, option, word.substring(0, equals + 1), word.substring(equals + 1));
            }
            return words(options(line));
        }
        if (line.positionals == 0 && !subcommands(line.command).isEmpty()) {
            return words(subcommands(line.command));
        }
        for (PositionalParamSpec positional : line.command.positionalParameters()) {
            if (!positional.hidden() && positional.index().contains(line.positionals)) {
                return valuesOf(line, positional, "", word);
            }
        }
        return Result.NONE;
    }

    /** The words before the cursor as picocli would take them: the command they reach and what they set. */
    private static final class Line {
        CommandSpec command;
        int positionals;
        boolean endOfOptions;
        /** An option still waiting for its value: the word at the cursor is that value. */
        OptionSpec pending;
        String profile;
        String home;
        final Set<OptionSpec> used = new HashSet<>();
        /** The values given so far to each option and parameter. */
        final Map<ArgSpec, List<String>> given = new HashMap<>();

        static Line read(CommandSpec root, List<String> words) {
            Line line = new Line();
            line.command = root;
            for (String word : words) {
                if (line.pending != null) {
                    line.set(line.pending, word);
                    line.pending = null;
                } else if (word.equals("--") && !line.endOfOptions) {
                    line.endOfOptions = true;
                } else if (word.startsWith("-") && word.length() > 1 && !line.endOfOptions) {
                    line.option(word);
                } else if (line.positionals == 0 && line.command.subcommands().containsKey(word)) {
                    line.command = line.command.subcommands().get(word).getCommandSpec();
                } else {
                    for (PositionalParamSpec positional : line.command.positionalParameters()) {
                        if (positional.index().contains(line.positionals)) {
                            line.give(positional, word);
                        }
                    }
                    line.positionals++;
                }
            }
            return line;
        }

        private void option(String word) {
            int equals = word.indexOf('=');
            OptionSpec option = command.findOption(equals > 0 ? word.substring(0, equals) : word);
            if (option == null) {
                option = command.negatedOptionsMap().get(word);
            }
            if (option == null) {
                return;
            }
            used.add(option);
            if (equals > 0) {
                set(option, word.substring(equals + 1));
            } else if (option.arity().max() > 0) {
                pending = option;
            }
        }

        private void set(OptionSpec option, String value) {
            give(option, value);
            if (option.longestName().equals("--profile")) {
                profile = value;
            } else if (option.longestName().equals("--home")) {
                home = value;
            }
        }

        private void give(ArgSpec arg, String value) {
            List<String> values = given.computeIfAbsent(arg, a -> new ArrayList<>());
            values.addAll(arg.splitRegex().equals(",") ? List.of(value.split(",")) : List.of(value));
        }
    }

    private static Result words(List<Candidate> candidates) {
        return new Result(Kind.WORDS, candidates);
    }

    private static List<Candidate> subcommands(CommandSpec command) {
        List<Candidate> names = new ArrayList<>();
        command.subcommands().forEach((name, sub) -> {
            CommandSpec spec = sub.getCommandSpec();
            // The map holds aliases too; 'ls' is offered as 'list'.
            if (name.equals(spec.name()) && !spec.usageMessage().hidden()) {
                String[] header = spec.usageMessage().header();
                names.add(new Candidate(name, header.length == 0 ? null : oneLine(header[0])));
            }
        });
        return names;
    }

    /** For 'help COMMAND...': the commands of the one the words given so far name, if they name one. */
    private static List<Candidate> commandsBelow(CommandSpec root, List<String> path) {
        CommandSpec at = root;
        for (String name : path) {
            CommandLine sub = at.subcommands().get(name);
            if (sub == null) {
                return List.of();
            }
            at = sub.getCommandSpec();
        }
        return subcommands(at);
    }

    /** The command's options, less those given already that can be given once, and those a given one excludes. */
    private static List<Candidate> options(Line line) {
        List<Candidate> names = new ArrayList<>();
        for (OptionSpec option : line.command.options()) {
            if (option.hidden() || (line.used.contains(option) && !option.isMultiValue()) || excluded(option, line.used)) {
                continue;
            }
            String[] description = option.renderedDescription();
            String text = description.length == 0 ? null : oneLine(description[0]);
            for (String name : option.names()) {
                names.add(new Candidate(name, text));
                if (option.negatable() && name.startsWith("--")) {
                    names.add(new Candidate(line.command.negatableOptionTransformer().makeNegative(name, line.command),
                            text));
                }
            }
        }
        return names;
    }

    private static boolean excluded(OptionSpec option, Set<OptionSpec> used) {
        ArgGroupSpec group = option.group();
        return group != null && group.exclusive() && used.stream().anyMatch(u -> u != option && u.group() == group);
    }

    /**
     * The values {@code arg} takes, each after {@code prefix} (such as "--profile="), less those it
     * was given already (as in 'show ID ID', '-t a -t b'). For an option split at commas the word's
     * last part is the value.
     */
    private Result valuesOf(Line line, ArgSpec arg, String prefix, String typed) {
        Set<String> listed = new HashSet<>(line.given.getOrDefault(arg, List.of()));
        if (arg.splitRegex().equals(",") && typed.contains(",")) {
            String before = typed.substring(0, typed.lastIndexOf(',') + 1);
            listed.addAll(List.of(before.split(",")));
            prefix += before;
            typed = typed.substring(before.length());
        }
        List<Candidate> values = new ArrayList<>();
        switch (arg.paramLabel()) {
            case "FILE" -> {
                return new Result(Kind.FILES, List.of());
            }
            case "DIR" -> {
                return new Result(Kind.DIRECTORIES, List.of());
            }
            case "PROFILE" -> profiles(context(null, line.home)).forEach(name -> values.add(new Candidate(name, null)));
            case "COMMAND" -> values.addAll(
                    commandsBelow(line.command.root(), line.given.getOrDefault(arg, List.of())));
            case "TAG" -> tags(context(line.profile, line.home)).forEach(tag -> values.add(new Candidate(tag, null)));
            case "ID" -> memoriesStartingWith(context(line.profile, line.home), typed)
                    .forEach(m -> values.add(new Candidate(m.id(), oneLine(m.headline()))));
            default -> fixedValues(arg).forEach(value -> values.add(new Candidate(value, null)));
        }
        List<Candidate> result = new ArrayList<>();
        for (Candidate value : values) {
            if (!listed.contains(value.value())) {
                result.add(new Candidate(prefix + value.value(), value.description()));
            }
        }
        return words(result);
    }

    /** Values picocli knows, such as an enum's; in lower case where the command line takes any case. */
    private Set<String> fixedValues(ArgSpec arg) {
        Set<String> values = new LinkedHashSet<>();
        if (arg.completionCandidates() != null) {
            boolean anyCase = root.parser().caseInsensitiveEnumValuesAllowed() && arg.type().isEnum();
            arg.completionCandidates().forEach(v -> values.add(anyCase ? v.toLowerCase(Locale.ROOT) : v));
        }
        return values;
    }

    private CliContext context(String profile, String home) {
        Map<String, String> quick = new HashMap<>(env);
        quick.put("GPTMEM_LOCK_TIMEOUT", LOCK_TIMEOUT_SECONDS);
        CliContext context = new CliContext(quick, InputStream.nullInputStream(), Terminal.PIPES);
        context.globals().profile = profile;
        context.globals().home = home;
        return context;
    }

    private static List<String> profiles(CliContext context) {
        try {
            return context.profiles().names();
        } catch (GptmemException e) {
            return List.of();
        }
    }

    private static List<String> tags(CliContext context) {
        try {
            String profile = context.profile();
            return exists(context, profile) ? context.memories().tags(profile) : List.of();
        } catch (GptmemException e) {
            return List.of();
        }
    }

    private static List<Memory> memoriesStartingWith(CliContext context, String typed) {
        try {
            String profile = context.profile();
            return exists(context, profile) ? context.memories().startingWith(profile, typed, MAX_IDS) : List.of();
        } catch (GptmemException e) {
            return List.of();
        }
    }

    /** Reading 'default' would create it; completing must not. */
    private static boolean exists(CliContext context, String profile) {
        return context.profiles().names().contains(profile);
    }

    /** One line, short enough to sit beside its value in a list of candidates. */
    private static String oneLine(String text) {
        return Columns.cut(Table.oneLine(text), MAX_DESCRIPTION);
    }
}
