package dev.gptmem.cli;

import picocli.CommandLine.Model.CommandSpec;

/** How a command that prints records prints them: a table for people, or one of the script formats. */
final class OutputOptions {

    enum Format { TABLE, JSON, JSONL, IDS }

    private boolean json;
    private boolean jsonl;
    private boolean quiet;

    /** Adds --json, --jsonl and -q to a command, as one group of which at most one may be given. */
    void addTo(CommandSpec spec) {
        spec.addArgGroup(Specs.oneOf(
                Specs.flag(() -> json, v -> json = v, "Print one JSON value (an array).", "--json"),
                Specs.flag(() -> jsonl, v -> jsonl = v, "Print one JSON object per line.", "--jsonl"),
                Specs.flag(() -> quiet, v -> quiet = v, "Print ids (or names) only, one per line.", "-q", "--quiet")));
    }

    Format format() {
        return json ? Format.JSON : jsonl ? Format.JSONL : quiet ? Format.IDS : Format.TABLE;
    }
}
