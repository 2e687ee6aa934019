package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ProfileInfo;
import dev.gptmem.core.ProfileService;
import dev.gptmem.io.ProfileJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profile", usageHelpAutoWidth = true,
        header = "Manage profiles: one per GPT, each its own database file.",
        description = "A profile is the file <home>/profiles/NAME.mv.db. 'gptmem profile' alone lists them.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem profile create trainer --description \"Running coach GPT\"",
            "  gptmem profile use trainer",
            "  gptmem profile list",
            "  gptmem profile rename trainer coach",
            "  gptmem profile reindex trainer",
            "  gptmem profile rm coach -y"
        })
final class ProfileCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    ProfileCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        list(new OutputOptions());
    }

    @Command(name = "list", aliases = "ls", header = "List profiles with their memory count, size and last change.",
            description = "The profile in use is marked with *. Running 'gptmem profile' alone does the same.",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile list", "  gptmem profile list -q    # names only, for scripts"})
    void list(@Mixin OutputOptions output) {
        print(context.profiles().list(), output);
    }

    @Command(name = "show", header = "Describe one profile (default: the one in use).",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile show", "  gptmem profile show trainer --json"})
    void show(@Parameters(paramLabel = "PROFILE", arity = "0..1", description = "Profile name.") String name,
              @Mixin OutputOptions output) {
        ProfileService profiles = context.profiles();
        ProfileInfo p = profiles.show(name == null ? context.profile() : name);
        if (output.format() != OutputOptions.Format.TABLE) {
            print(List.of(p), output);
            return;
        }
        PrintWriter out = out();
        Style style = new Style(context.colour());
        out.println(style.header(p.name()) + (p.current() ? "  (in use)" : ""));
        row(out, style, "description", p.description() == null ? "" : p.description());
        row(out, style, "memories", Long.toString(p.memories()));
        row(out, style, "size", size(p.sizeBytes()));
        row(out, style, "created", LocalTime.format(p.createdAt()));
        row(out, style, "changed", LocalTime.format(p.changedAt()));
        row(out, style, "file", p.file().toString());
        out.flush();
    }

    @Command(name = "create", header = "Create an empty profile.",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile create trainer --description \"Running coach GPT\""})
    void create(@Parameters(paramLabel = "NAME", description = "Lowercase letters, digits, '-' and '_'.") String name,
                @Option(names = {"-d", "--description"}, paramLabel = "TEXT",
                        description = "Which GPT this profile serves.") String description) {
        context.profiles().create(name, description);
        err().println("created profile '" + name + "'");
    }

    @Command(name = "rm", header = "Delete a profile and all its memories.",
            description = "Asks first; without a terminal to ask on, it needs -y.",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile rm trainer", "  gptmem profile rm scratch -y"})
    void rm(@Parameters(paramLabel = "PROFILE", description = "Profile to delete.") String name,
            @Option(names = {"-y", "--yes"}, description = "Do not ask for confirmation.") boolean yes) {
        ProfileService profiles = context.profiles();
        ProfileInfo p = profiles.show(name);
        if (!yes && !context.confirm(err(), "delete profile '" + name + "' and its " + p.memories()
                + (p.memories() == 1 ? " memory" : " memories"))) {
            throw GptmemException.failure("nothing deleted");
        }
        profiles.remove(name);
        err().println("deleted profile '" + name + "'");
    }

    @Command(name = "rename", header = "Rename a profile.",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile rename trainer coach"})
    void rename(@Parameters(paramLabel = "PROFILE", index = "0", description = "Profile to rename.") String from,
                @Parameters(paramLabel = "NEW", index = "1", description = "Its new name.") String to) {
        context.profiles().rename(from, to);
        err().println("renamed profile '" + from + "' to '" + to + "'");
    }

    @Command(name = "reindex", header = "Rebuild a profile's search index from its memories.",
            description = "Search keeps its index current by itself; this is for an index that was damaged, for"
                    + " instance by a disk error. Memories are only read, never changed.",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile reindex", "  gptmem profile reindex trainer"})
    void reindex(@Parameters(paramLabel = "PROFILE", arity = "0..1",
            description = "Profile to reindex (default: the one in use).") String name) {
        String profile = name == null ? context.profile() : name;
        long indexed = context.profiles().reindex(profile);
        err().println("reindexed " + indexed + (indexed == 1 ? " memory" : " memories") + " in profile '"
                + profile + "'");
    }

    @Command(name = "use", header = "Use a profile when none is named with -p or $GPTMEM_PROFILE.",
            footerHeading = "%nExamples:%n",
            footer = {"  gptmem profile use trainer", "  gptmem profile use default"})
    void use(@Parameters(paramLabel = "PROFILE") String name) {
        context.profiles().use(name);
        err().println("now using profile '" + name + "'");
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
                    table.add(p.current() ? "*" : "", p.name(), Long.toString(p.memories()), size(p.sizeBytes()),
                            LocalTime.format(p.changedAt()), Table.oneLine(p.description()));
                }
                if (table.isEmpty()) {
                    err().println("no profiles yet in " + context.home().dir() + " (add a memory to create 'default')");
                } else {
                    table.print(out, style, context.terminal().width());
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
