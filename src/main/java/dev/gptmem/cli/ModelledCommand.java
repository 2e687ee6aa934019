package dev.gptmem.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that builds its own picocli model in code (see {@link Specs}); picocli runs it as the
 * model's user object, so a subclass is a Runnable or a Callable too.
 */
public abstract class ModelledCommand {
    /** Its model; a subclass's constructor adds the options and parameters. */
    protected final CommandSpec spec;

    /** @param description the paragraphs of its description, if it has one */
    protected ModelledCommand(String header, String... description) {
        spec = Specs.command(this, header, description);
    }

    public final CommandSpec spec() {
        return spec;
    }
}
