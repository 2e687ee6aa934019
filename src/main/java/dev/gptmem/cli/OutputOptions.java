package dev.gptmem.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** How a command that prints records prints them: a table for people, or one of the script formats. */
final class OutputOptions {

    enum Format { TABLE, JSON, JSONL, IDS }

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {
        @Option(names = "--json", description = "Print one JSON value (an array).")
        boolean json;

        @Option(names = "--jsonl", description = "Print one JSON object per line.")
        boolean jsonl;

        @Option(names = {"-q", "--quiet"}, description = "Print ids (or names) only, one per line.")
        boolean quiet;
    }

    /** Adds --json, --jsonl and -q to a command built in code, as one group of which at most one is given. */
    void addTo(CommandSpec spec) {
        Choice bound = new Choice();
        choice = bound;
        spec.addArgGroup(Specs.oneOf(
                Specs.flag(() -> bound.json, v -> bound.json = v, "Print one JSON value (an array).", "--json"),
                Specs.flag(() -> bound.jsonl, v -> bound.jsonl = v, "Print one JSON object per line.", "--jsonl"),
                Specs.flag(() -> bound.quiet, v -> bound.quiet = v, "Print ids (or names) only, one per line.",
                        "-q", "--quiet")));
    }

    Format format() {
        if (choice == null) {
            return Format.TABLE;
        }
        return choice.json ? Format.JSON : choice.jsonl ? Format.JSONL : choice.quiet ? Format.IDS : Format.TABLE;
    }
}
