package dev.gptmem.docs;

import dev.gptmem.Main;
import dev.gptmem.cli.Cli;
import dev.gptmem.cli.CliContext;
import dev.gptmem.cli.Terminal;
import dev.gptmem.cli.Terms;
import dev.gptmem.core.ExitCodes;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Ansi.IStyle;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * gptmem's man pages, in troff with the man macros, made from picocli's model of the program's
 * commands: {@code gptmem.1}, and one page for each command, in which a command's own subcommands
 * (those of {@code profile}) have a subsection each. NAME, SYNOPSIS, DESCRIPTION, OPTIONS, COMMANDS
 * and EXAMPLES say what {@code --help} says; EXIT STATUS, ENVIRONMENT and FILES are written here,
 * since the model does not hold them.
 */
final class ManPages {
    // Picocli styles the synopsis and option labels; these stand for the fonts until the text is escaped.
    private static final char BOLD = '\u0001';
    private static final char ITALIC = '\u0002';
    private static final char ROMAN = '\u0003';
    private static final ColorScheme FONTS = new ColorScheme.Builder(Ansi.ON)
            .commands(font(BOLD)).options(font(BOLD)).parameters(font(ITALIC)).optionParams(font(ITALIC)).build();

    /** Variables, what they do, and the commands that read them (none listed: every command). */
    private record Variable(List<String> names, String text, Set<String> commands) {
    }

    private static final List<Variable> ENVIRONMENT = List.of(
            new Variable(List.of("GPTMEM_HOME"), "The gptmem home, where profiles and settings live; --home overrides it."
                    + " Without either, it is $XDG_DATA_HOME/gptmem, else ~/.local/share/gptmem.", Set.of()),
            new Variable(List.of("GPTMEM_PROFILE"), "The profile commands use when -p names none; without it, the one"
                    + " set by 'gptmem profile use', else default.", Set.of()),
            new Variable(List.of("GPTMEM_LOCK_TIMEOUT"), "Seconds to wait for a profile another command is using,"
                    + " before failing with a message naming it (default: 10).", Set.of()),
            new Variable(List.of("NO_COLOR"), "When set and not empty, no colour. Colour appears only on a terminal.",
                    Set.of()),
            new Variable(List.of("VISUAL", "EDITOR"), "The editor 'edit' opens when no field option is given;"
                    + " it may carry arguments (default: vi, on a terminal only).", Set.of("edit", "shell")),
            new Variable(List.of("GPTMEM_PAGER", "PAGER"), "The pager for shell output longer than the screen"
                    + " (default: less); empty or cat turns paging off.", Set.of("shell")),
            new Variable(List.of("LESS"), "Options for less as the shell's pager (default: FRX).", Set.of("shell")));

    /** Files under the home, what they are, and the commands that use them (none listed: every command). */
    private static final List<Variable> FILES = List.of(
            new Variable(List.of("~/.local/share/gptmem/profiles/NAME.mv.db"), "The profile NAME: an H2 database"
                    + " of its memories, with NAME.lock beside it. Readable by its owner only.", Set.of()),
            new Variable(List.of("~/.local/share/gptmem/config.properties"), "The profile set by 'gptmem profile use'.",
                    Set.of()),
            new Variable(List.of("~/.local/share/gptmem/history"), "The shell's history of typed lines.",
                    Set.of("shell")));

    private ManPages() {
    }

    /** Each page by its file name. */
    static Map<String, String> all() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        CliContext context = new CliContext(Map.of(), InputStream.nullInputStream(), Terminal.PIPES);
        CommandLine cli = Cli.createWith(context, none, none, Main.PROGRAM_COMMANDS);
        CommandSpec root = cli.getCommandSpec();
        Map<String, String> pages = new TreeMap<>();
        pages.put("gptmem.1", page(root));
        for (CommandSpec command : subcommands(root)) {
            pages.put(command.qualifiedName("-") + ".1", page(command));
        }
        return pages;
    }

    private static String page(CommandSpec command) {
        Troff out = new Troff();
        String name = command.qualifiedName("-");
        String only = command.parent() == null ? null : command.name();
        out.comment("Made from gptmem's commands by ManPagesTest; change the commands, not this file.");
        // The date stays empty here: it is the day the page last changed, which ManPagesTest fills in.
        out.macro("TH", name.toUpperCase(Locale.ROOT), "1", "", "gptmem", "gptmem Manual");
        // Ragged right and no hyphens: option names and page names stay whole, with single spaces.
        out.macro("nh");
        out.macro("ad", "l");
        out.macro("SH", "NAME");
        out.line(name + " - " + summary(command));
        out.macro("SH", "SYNOPSIS");
        out.line(synopsis(command));
        out.macro("SH", "DESCRIPTION");
        describe(out, command);
        out.macro("SH", "OPTIONS");
        options(out, command, null);
        if (command.parent() == null) {
            out.macro("SH", "COMMANDS");
            for (CommandSpec sub : subcommands(command)) {
                out.macro("TP");
                out.line(names(sub));
                out.line(header(sub) + " See " + BOLD + sub.qualifiedName("-") + ROMAN + "(1).");
            }
        } else if (!subcommands(command).isEmpty()) {
            out.macro("SH", "COMMANDS");
            for (CommandSpec sub : subcommands(command)) {
                out.macro("SS", sub.qualifiedName());
                out.line(synopsis(sub));
                out.macro("PP");
                describe(out, sub);
                options(out, sub, command);
                out.macro("PP");
                examples(out, sub);
            }
        }
        out.macro("SH", "EXAMPLES");
        examples(out, command);
        out.macro("SH", "EXIT STATUS");
        exitStatus(out);
        out.macro("SH", "ENVIRONMENT");
        variables(out, ENVIRONMENT, only);
        out.macro("SH", "FILES");
        variables(out, FILES, only);
        out.macro("SH", "SEE ALSO");
        if (command.parent() == null) {
            List<String> pages = new ArrayList<>();
            subcommands(command).forEach(sub -> pages.add(BOLD + sub.qualifiedName("-") + ROMAN + "(1)"));
            out.line(String.join(", ", pages));
        } else {
            out.line(BOLD + "gptmem" + ROMAN + "(1)");
        }
        return out.toString();
    }

    /** Visible subcommands, each once (the map holds aliases too). */
    private static List<CommandSpec> subcommands(CommandSpec command) {
        List<CommandSpec> subs = new ArrayList<>();
        command.subcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(sub.getCommandSpec());
            }
        });
        return subs;
    }

    /** The header as a man page's NAME line has it: no closing period, lower case unless a word in capitals. */
    private static String summary(CommandSpec command) {
        String header = header(command).replaceAll("\\.$", "");
        boolean capitalWord = header.length() > 1 && Character.isUpperCase(header.charAt(1));
        return capitalWord ? header : Character.toLowerCase(header.charAt(0)) + header.substring(1);
    }

    private static String header(CommandSpec command) {
        return String.join(" ", command.usageMessage().header());
    }

    private static String names(CommandSpec command) {
        List<String> names = new ArrayList<>();
        names.add(BOLD + command.name() + ROMAN);
        for (String alias : command.aliases()) {
            names.add(BOLD + alias + ROMAN);
        }
        return String.join(", ", names);
    }

    /** What --help shows after "Usage:", on one line: troff breaks it where the page needs. */
    private static String synopsis(CommandSpec command) {
        command.usageMessage().autoWidth(false).width(1000);
        return new Help(command, FONTS).synopsis(0).strip().replaceAll("\u001B\\[[0-9;]*m", "");
    }

    /**
     * The header, then the description's paragraphs ('%n' starts a new one, as in --help) and its
     * list of terms, if any. A command without a description of its own shows gptmem's in --help
     * (the root's attributes are inherited); its page leaves that out.
     */
    private static void describe(Troff out, CommandSpec command) {
        out.line(header(command));
        String[] description = command.usageMessage().description();
        if (command.parent() != null && Arrays.equals(description, command.root().usageMessage().description())) {
            return;
        }
        for (String line : description) {
            for (String paragraph : line.split("%n")) {
                if (!paragraph.isBlank()) {
                    out.macro("PP");
                    out.line(paragraph.replace("%%", "%").strip());
                }
            }
        }
        Terms terms = Terms.of(command);
        if (terms != null) {
            out.macro("PP");
            out.line(terms.heading());
            for (String[] item : terms.items()) {
                out.macro("TP");
                out.line(BOLD + item[0] + ROMAN);
                out.line(item[1]);
            }
        }
    }

    /**
     * Parameters, then options in the order --help lists them. Under a {@code parent}, only the
     * options the parent does not have itself: its page lists those already.
     */
    private static void options(Troff out, CommandSpec command, CommandSpec parent) {
        Help help = new Help(command, FONTS);
        for (PositionalParamSpec positional : command.positionalParameters()) {
            if (!positional.hidden()) {
                item(out, label(help, positional, FONTS.parameterStyles()), positional);
            }
        }
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            if (!option.hidden() && (parent == null || parent.findOption(option.longestName()) == null)) {
                options.add(option);
            }
        }
        if (help.createDefaultOptionSort() != null) {
            options.sort(help.createDefaultOptionSort());
        }
        for (OptionSpec option : options) {
            List<String> names = new ArrayList<>();
            for (String name : option.names()) {
                String shown = option.negatable() && name.startsWith("--")
                        ? command.negatableOptionTransformer().makeSynopsis(name, command) : name;
                names.add(BOLD + shown + ROMAN);
            }
            item(out, String.join(", ", names) + label(help, option, FONTS.optionParamStyles()), option);
        }
    }

    private static String label(Help help, ArgSpec arg, List<IStyle> styles) {
        return help.parameterLabelRenderer().renderParameterLabel(arg, Ansi.ON, styles).toString()
                .replaceAll("\u001B\\[[0-9;]*m", "");
    }

    private static void item(Troff out, String tag, ArgSpec arg) {
        out.macro("TP");
        out.line(tag);
        out.line(String.join(" ", arg.renderedDescription()));
    }

    /** The footer's indented lines; the rest of a footer says what EXIT STATUS and COMMANDS say. */
    private static void examples(Troff out, CommandSpec command) {
        List<String> examples = new ArrayList<>();
        for (String line : command.usageMessage().footer()) {
            if (line.startsWith("  ")) {
                examples.add(line.strip());
            }
        }
        if (examples.isEmpty()) {
            return;
        }
        out.macro("RS", "4");
        out.macro("nf");
        examples.forEach(out::verbatim);
        out.macro("fi");
        out.macro("RE");
    }

    private static void exitStatus(Troff out) {
        String[][] codes = {
            {Integer.toString(ExitCodes.OK), "Success."},
            {Integer.toString(ExitCodes.FAILURE), "Failure: bad import data, a busy profile, a storage error,"
                    + " a refused confirmation, an edit abandoned in the editor."},
            {Integer.toString(ExitCodes.USAGE), "Usage error: an unknown command or option, a bad value, an"
                    + " invalid profile name or id."},
            {Integer.toString(ExitCodes.NOT_FOUND), "Not found: an unknown id, profile or file."},
            {Integer.toString(ExitCodes.CANCELLED), "Stopped by Ctrl-C part-way through an import, export or"
                    + " reindex, which undid what it had begun (143 when stopped by a TERM signal)."},
            {Integer.toString(ExitCodes.BROKEN_PIPE), "Standard output's reader closed it before everything was"
                    + " written, as 'gptmem list | head -1' can on a long listing: what a shell reports for any"
                    + " program a broken pipe ends. Nothing is printed about it."},
        };
        for (String[] code : codes) {
            out.macro("TP");
            out.line(BOLD + code[0] + ROMAN);
            out.line(code[1]);
        }
        out.macro("PP");
        out.line("Errors are one line on standard error, starting 'gptmem: '; --debug adds the stack trace.");
    }

    /** The entries for {@code command} (null: every entry, for gptmem's own page). */
    private static void variables(Troff out, List<Variable> entries, String command) {
        for (Variable entry : entries) {
            if (command == null || entry.commands().isEmpty() || entry.commands().contains(command)) {
                out.macro("TP");
                out.line(String.join(", ", entry.names().stream().map(n -> BOLD + n + ROMAN).toList()));
                out.line(entry.text());
            }
        }
    }

    private static IStyle font(char font) {
        return new IStyle() {
            @Override
            public String on() {
                return String.valueOf(font);
            }

            @Override
            public String off() {
                return String.valueOf(ROMAN);
            }
        };
    }

    /** Troff source: macros, and text lines escaped so that nothing in them reads as a request. */
    private static final class Troff {
        private static final int MAX_LINE = 80;
        private static final Pattern SENTENCE_END = Pattern.compile("[.?!][)'\"]?$");
        private final StringBuilder out = new StringBuilder();

        void comment(String text) {
            out.append(".\\\" ").append(text).append('\n');
        }

        void macro(String name, String... args) {
            out.append('.').append(name);
            for (String arg : args) {
                String escaped = escape(arg).replace("\"", "\\(dq");
                out.append(' ').append(arg.isEmpty() || arg.contains(" ") ? "\"" + escaped + "\"" : escaped);
            }
            out.append('\n');
        }

        /**
         * Text to fill: input lines of at most 80 bytes, and a new one for each sentence, as troff
         * likes them (it then knows a sentence ends there).
         */
        void line(String text) {
            StringBuilder line = new StringBuilder();
            String[] words = escape(text).split(" +");
            for (int i = 0; i < words.length; i++) {
                if (line.length() > 0 && line.length() + 1 + words[i].length() > MAX_LINE) {
                    verbatimEscaped(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(words[i]);
                if (i + 1 < words.length && SENTENCE_END.matcher(words[i]).find()
                        && Character.isUpperCase(words[i + 1].charAt(0))) {
                    verbatimEscaped(line.toString());
                    line.setLength(0);
                }
            }
            if (line.length() > 0) {
                verbatimEscaped(line.toString());
            }
        }

        /** One input line as it is, such as an example in no-fill mode. */
        void verbatim(String text) {
            verbatimEscaped(escape(text));
        }

        private void verbatimEscaped(String escaped) {
            out.append(escaped.startsWith(".") || escaped.startsWith("'") ? "\\&" : "").append(escaped).append('\n');
        }

        /** Backslashes and hyphens as troff wants them (a '-' would be a hyphen, not a minus); font markers as fonts. */
        private static String escape(String text) {
            StringBuilder escaped = new StringBuilder();
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '\\' -> escaped.append("\\e");
                    case '-' -> escaped.append("\\-");
                    case BOLD -> escaped.append("\\fB");
                    case ITALIC -> escaped.append("\\fI");
                    case ROMAN -> escaped.append("\\fR");
                    default -> escaped.append(c);
                }
            }
            return escaped.toString();
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
