package dev.gptmem.cli;

import dev.gptmem.core.Cancellation;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ProfileInfo;
import dev.gptmem.core.ProfileService;
import dev.gptmem.io.ProfileJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code gptmem profile} and its subcommands, each a command of its own below; alone it lists the
 * profiles, as {@code profile list} does.
 */
final class ProfileCommand extends ModelledCommand implements Runnable {
    private final CliContext context;

    ProfileCommand(CliContext context) {
        super("Manage profiles: one per GPT, each its own database file.",
                "A profile is the file <home>/profiles/NAME.mv.db. 'gptmem profile' alone lists them.");
        this.context = context;
        spec.usageMessage().synopsisSubcommandLabel("COMMAND");
        Specs.examples(spec,
                "  gptmem profile create trainer --description \"Running coach GPT\"",
                "  gptmem profile edit trainer -d \"Running coach GPT: plans and races\"",
                "  gptmem profile use trainer",
                "  gptmem profile list",
                "  gptmem profile rename trainer coach",
                "  gptmem profile reindex trainer",
                "  gptmem profile rm coach -y");
        // In the order help lists them.
        add("create", new Create().spec);
        add("edit", new Edit().spec);
        add("list", new ListProfiles().spec, "ls");
        add("reindex", new Reindex().spec);
        add("rename", new Rename().spec);
        add("rm", new Remove().spec);
        add("show", new Show().spec);
        add("use", new Use().spec);
    }

    private void add(String name, CommandSpec sub, String... aliases) {
        spec.addSubcommand(name, new CommandLine(sub.aliases(aliases)));
    }

    @Override
    public void run() {
        print(context.profiles().list(), new OutputOptions());
    }

    /** {@code profile list}. */
    private final class ListProfiles extends ModelledCommand implements Runnable {
        private final OutputOptions output = new OutputOptions();

        ListProfiles() {
            super("List profiles with their memory count, size and last change.",
                    "The profile in use is marked with *. Running 'gptmem profile' alone does the same.");
            Specs.examples(spec, "  gptmem profile list", "  gptmem profile list -q    # names only, for scripts");
            output.addTo(spec);
        }

        @Override
        public void run() {
            if (output.format() == OutputOptions.Format.IDS) {
                // Names alone need no profile opened, so none that is busy can hold them up.
                PrintWriter out = out();
                context.profiles().names().forEach(out::println);
                out.flush();
                return;
            }
            print(context.profiles().list(), output);
        }
    }

    /** {@code profile show}. */
    private final class Show extends ModelledCommand implements Runnable {
        private final OutputOptions output = new OutputOptions();
        private String name;

        Show() {
            super("Describe one profile (default: the one in use).",
                    "Its description, number of memories, file size, when it was created and last changed,"
                            + " and where its file is.");
            Specs.examples(spec, "  gptmem profile show", "  gptmem profile show trainer --json");
            spec.addPositional(Specs.parameter(() -> name, v -> name = v, "PROFILE").arity("0..1").type(String.class)
                    .description("Profile name.").build());
            output.addTo(spec);
        }

        @Override
        public void run() {
            ProfileService profiles = context.profiles();
            ProfileInfo p = profiles.show(name == null ? context.profile() : name);
            if (output.format() != OutputOptions.Format.TABLE) {
                print(List.of(p), output);
                return;
            }
            PrintWriter out = out();
            Style style = new Style(context.colour());
            out.println(style.header(p.name()) + (p.current() ? "  (in use)" : ""));
            // Left out when empty, as 'show' leaves out a memory's empty fields.
            if (p.description() != null && !p.description().isBlank()) {
                row(out, style, "description", Table.oneLine(p.description()));
            }
            row(out, style, "memories", Long.toString(p.memories()));
            row(out, style, "size", size(p.sizeBytes()));
            row(out, style, "created", LocalTime.format(p.createdAt()));
            row(out, style, "changed", LocalTime.format(p.changedAt()));
            row(out, style, "file", p.file().toString());
            out.flush();
        }
    }

    /** {@code profile create}. */
    private final class Create extends ModelledCommand implements Runnable {
        private String name;
        private String description;

        Create() {
            super("Create an empty profile.",
                    "'add' and 'import' create the profile they are given too; create one first to give it a"
                            + " description, or to have it listed before it holds anything.");
            Specs.examples(spec, "  gptmem profile create trainer --description \"Running coach GPT\"");
            spec.addPositional(Specs.parameter(() -> name, v -> name = v, "NAME").required(true).type(String.class)
                    .description("Lowercase letters, digits, '-' and '_'.").build());
            spec.addOption(Specs.text(() -> description, v -> description = v, "TEXT", "Which GPT this profile serves.",
                    "-d", "--description"));
        }

        @Override
        public void run() {
            context.profiles().create(name, description);
            err().println("created profile '" + name + "'");
        }
    }

    /** {@code profile edit}. */
    private final class Edit extends ModelledCommand implements Runnable {
        private String name;
        private String description;

        Edit() {
            super("Change a profile's description.",
                    "An empty description removes it. Its memories are not touched.");
            Specs.examples(spec, "  gptmem profile edit trainer -d \"Running coach GPT: plans and races\"",
                    "  gptmem profile edit -d \"\"    # the profile in use, without a description");
            spec.addPositional(Specs.parameter(() -> name, v -> name = v, "PROFILE").arity("0..1").type(String.class)
                    .description("Profile to change (default: the one in use).").build());
            spec.addOption(Specs.option(() -> description, v -> description = v, "-d", "--description")
                    .type(String.class).paramLabel("TEXT").required(true)
                    .description("Which GPT this profile serves.").build());
        }

        @Override
        public void run() {
            String profile = name == null ? context.profile() : name;
            boolean changed = context.profiles().setDescription(profile, description);
            err().println((changed ? "updated profile '" : "no changes to profile '") + profile + "'");
        }
    }

    /** {@code profile rm}. */
    private final class Remove extends ModelledCommand implements Runnable {
        private String name;
        private boolean yes;

        Remove() {
            super("Delete a profile and all its memories.",
                    "Asks first; without a terminal to ask on, it needs -y.");
            Specs.examples(spec, "  gptmem profile rm trainer", "  gptmem profile rm scratch -y");
            spec.addPositional(Specs.parameter(() -> name, v -> name = v, "PROFILE").required(true).type(String.class)
                    .description("Profile to delete.").build());
            spec.addOption(Specs.flag(() -> yes, v -> yes = v, "Do not ask for confirmation.", "-y", "--yes"));
        }

        @Override
        public void run() {
            ProfileService profiles = context.profiles();
            // A damaged profile can be deleted too: the question says it cannot be read, and -y reads nothing.
            if (!yes) {
                ProfileInfo p = profiles.inspect(name);
                String what = p.problem() != null ? "(it cannot be read: " + p.problem() + ")"
                        : "and its " + p.memories() + (p.memories() == 1 ? " memory" : " memories");
                if (!context.confirm(err(), "delete profile '" + name + "' " + what)) {
                    throw GptmemException.failure("nothing deleted");
                }
            }
            profiles.remove(name);
            err().println("deleted profile '" + name + "'");
        }
    }

    /** {@code profile rename}. */
    private final class Rename extends ModelledCommand implements Runnable {
        private String from;
        private String to;

        Rename() {
            super("Rename a profile.",
                    "Its memories, description and search index move with it. If it is the profile in"
                            + " use, the new name is in use from now on.");
            Specs.examples(spec, "  gptmem profile rename trainer coach");
            spec.addPositional(Specs.parameter(() -> from, v -> from = v, "PROFILE").index("0").required(true)
                    .type(String.class).description("Profile to rename.").build());
            spec.addPositional(Specs.parameter(() -> to, v -> to = v, "NEW").index("1").required(true)
                    .type(String.class).description("Its new name.").build());
        }

        @Override
        public void run() {
            context.profiles().rename(from, to);
            err().println("renamed profile '" + from + "' to '" + to + "'");
        }
    }

    /** {@code profile reindex}. */
    private final class Reindex extends ModelledCommand implements Runnable {
        private String name;

        Reindex() {
            super("Rebuild a profile's search index from its memories.",
                    "Search keeps its index current by itself; this is for an index that was damaged, for"
                            + " instance by a disk error. Memories are only read, never changed.");
            Specs.examples(spec, "  gptmem profile reindex", "  gptmem profile reindex trainer");
            spec.addPositional(Specs.parameter(() -> name, v -> name = v, "PROFILE").arity("0..1").type(String.class)
                    .description("Profile to reindex (default: the one in use).").build());
        }

        @Override
        public void run() {
            String profile = name == null ? context.profile() : name;
            long indexed;
            try (Cancellation.Work work = Cancellation.begin()) {
                indexed = context.profiles().reindex(profile);
            }
            err().println("reindexed " + indexed + (indexed == 1 ? " memory" : " memories") + " in profile '"
                    + profile + "'");
        }
    }

    /** {@code profile use}. */
    private final class Use extends ModelledCommand implements Runnable {
        private String name;

        Use() {
            super("Use a profile when none is named with -p or $GPTMEM_PROFILE.",
                    "The choice is saved in the gptmem home and lasts until the next 'profile use'. The"
                            + " profile must exist, unless it is 'default'.");
            Specs.examples(spec, "  gptmem profile use trainer", "  gptmem profile use default");
            spec.addPositional(Specs.parameter(() -> name, v -> name = v, "PROFILE").required(true)
                    .type(String.class).description("Profile to use from now on.").build());
        }

        @Override
        public void run() {
            context.profiles().use(name);
            err().println("now using profile '" + name + "'");
        }
    }

    private void print(List<ProfileInfo> profiles, OutputOptions output) {
        PrintWriter out = out();
        switch (output.format()) {
            case JSON:
            case JSONL:
                ProfileJson.write(out, profiles, output.format() == OutputOptions.Format.JSONL);
                break;
            case IDS:
                profiles.forEach(p -> out.println(p.name()));
                break;
            default:
                Style style = new Style(context.colour());
                Table table = new Table(" ", "NAME", "MEMORIES", "SIZE", "CHANGED", "DESCRIPTION").style(1, style::id);
                for (ProfileInfo p : profiles) {
                    table.add(p.current() ? "*" : "", p.name(), p.problem() == null ? Long.toString(p.memories()) : "?",
                            size(p.sizeBytes()), LocalTime.format(p.changedAt()), Table.oneLine(p.description()));
                }
                if (table.isEmpty()) {
                    err().println("no profiles yet in " + context.home().dir() + " (add a memory to create 'default')");
                } else {
                    table.print(out, style, context.terminal().width());
                }
                out.flush();
                for (ProfileInfo p : profiles) {
                    if (p.problem() != null) {
                        err().println(context.errorPrefix() + "warning: " + p.problem()
                                + " (listed without its details)");
                    }
                }
        }
        out.flush();
    }

    private static void row(PrintWriter out, Style style, String label, String value) {
        out.println(style.dim(String.format("%-13s", label + ":")) + value);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
