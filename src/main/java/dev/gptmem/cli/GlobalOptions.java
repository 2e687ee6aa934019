package dev.gptmem.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {
    String profile;
    String home;
    boolean debug;

    /** Adds them to the top command, whose subcommands inherit them. */
    void addTo(CommandSpec spec) {
        spec.addOption(Specs.option(() -> profile, v -> profile = v, "-p", "--profile").type(String.class)
                .paramLabel("PROFILE").scopeType(ScopeType.INHERIT)
                .description("Profile to use (default: $GPTMEM_PROFILE, else the one set by 'profile use', else 'default').")
                .build());
        spec.addOption(Specs.option(() -> home, v -> home = v, "--home").type(String.class)
                .paramLabel("DIR").scopeType(ScopeType.INHERIT)
                .description("gptmem home (default: $GPTMEM_HOME, else $XDG_DATA_HOME/gptmem, else ~/.local/share/gptmem).")
                .build());
        spec.addOption(Specs.option(() -> debug, v -> debug = v, "--debug").type(boolean.class)
                .scopeType(ScopeType.INHERIT).description("Show stack traces of errors.").build());
    }
}
