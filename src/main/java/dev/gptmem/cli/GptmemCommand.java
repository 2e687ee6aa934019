package dev.gptmem.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

// INHERIT: every subcommand gets --help and --version and the other attributes it does not set itself.
@Command(name = "gptmem",
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        usageHelpAutoWidth = true,
        header = "Long-term memory for custom GPTs: one local profile per GPT.",
        description = "Each GPT gets its own profile, one H2 file of memories on this machine. Commands work"
              + " on the profile named by -p, else $GPTMEM_PROFILE, else the one set by 'profile use', else 'default'.",
        descriptionHeading = "%n",
        parameterListHeading = "%n",
        optionListHeading = "%nOptions:%n",
        commandListHeading = "%nCommands:%n",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem add \"Prefers metric units\" -t prefs",
            "  gptmem search units",
            "  gptmem list --jsonl | jq -r .content",
            "  gptmem -p trainer export -o trainer.json",
            "",
            "Exit codes: 0 success, 1 failure, 2 usage error, 3 not found.",
            "Run 'gptmem COMMAND --help' for a command's options."
        })
final class GptmemCommand implements Runnable {

    @Mixin
    GlobalOptions globals;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
