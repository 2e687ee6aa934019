package dev.gptmem.cli;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command that builds its own picocli model in code (see {@link Specs}); picocli runs it as
 * the model's user object, so it is a Runnable or a Callable too.
 */
public interface ModelledCommand {
    CommandSpec spec();
}
