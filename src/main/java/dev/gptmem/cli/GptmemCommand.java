package dev.gptmem.cli;

import dev.gptmem.core.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * {@code gptmem} itself. Its scope is INHERIT: every subcommand gets --help, --version, the global
 * options and the other attributes it does not set itself.
 */
final class GptmemCommand implements Callable<Integer> {
    private final CommandSpec spec;

    GptmemCommand(GlobalOptions globals) {
        spec = Specs.command(this, "Long-term memory for custom GPTs: one local profile per GPT.",
                "Each GPT gets its own profile, one H2 file of memories on this machine. Commands work"
                        + " on the profile named by -p, else $GPTMEM_PROFILE, else the one set by 'profile use', else 'default'.");
        // The version provider is set by Cli.create once the subcommands are in: inheriting it
        // calls it, and reading the build's properties from the jar cost every command ~5 ms.
        spec.name("gptmem").scopeType(ScopeType.INHERIT);
        spec.usageMessage().descriptionHeading("%n").parameterListHeading("%n").optionListHeading("%nOptions:%n")
                .commandListHeading("%nCommands:%n").synopsisSubcommandLabel("COMMAND");
        Specs.examples(spec,
                "  gptmem add \"Prefers metric units\" -t prefs",
                "  gptmem search units",
                "  gptmem list --jsonl | jq -r .content",
                "  gptmem -p trainer export -o trainer.json",
                "",
                "Exit codes: 0 success, 1 failure, 2 usage error, 3 not found.",
                "Run 'gptmem COMMAND --help' for a command's options.");
        spec.addOption(OptionSpec.builder("-h", "--help").type(boolean.class).usageHelp(true).scopeType(ScopeType.INHERIT)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").type(boolean.class).versionHelp(true).scopeType(ScopeType.INHERIT)
                .description("Print version information and exit.").build());
        globals.addTo(spec);
    }

    CommandSpec spec() {
        return spec;
    }

    /**
     * Without a command, the help, on stderr, as a usage error: what there is to run is what a
     * person typing 'gptmem' alone wants to know.
     */
    @Override
    public Integer call() {
        CommandLine cli = spec.commandLine();
        cli.usage(cli.getErr(), cli.getColorScheme());
        return ExitCodes.USAGE;
    }
}
