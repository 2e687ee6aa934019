package dev.gptmem.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Options every command accepts, before or after the command name. */
public final class GlobalOptions {

    @Option(names = {"-p", "--profile"}, paramLabel = "PROFILE", scope = ScopeType.INHERIT,
            description = "Profile to use (default: $GPTMEM_PROFILE, else the one set by 'profile use', else 'default').")
    String profile;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "gptmem home (default: $GPTMEM_HOME, else $XDG_DATA_HOME/gptmem, else ~/.local/share/gptmem).")
    String home;

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Show stack traces of errors.")
    boolean debug;
}
