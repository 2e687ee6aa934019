package dev.gptmem.cli;

import dev.gptmem.core.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** The tag and time filters of list, search and export, with one meaning in all three. */
final class Narrowing {
    List<String> tags = new ArrayList<>();
    private String when;

    /** Adds -t and --since to a command. */
    void addTo(CommandSpec spec) {
        spec.addOption(Specs.strings(() -> tags, v -> tags = v, "TAG",
                "Only memories with this tag (repeatable: all must match).", "-t", "--tag"));
        spec.addOption(Specs.text(() -> when, v -> when = v, "WHEN",
                "Only memories added or changed since then: a date (2026-11-22), a local time"
                        + " (2026-11-22 10:00, as tables show it), a timestamp, a span back from now such as 7d,"
                        + " 12h, 2w, or today or yesterday (from midnight).", "--since"));
    }

    /** The instant --since names, or null without it. */
    Instant since() {
        return when == null ? null : Times.since(when, Times.now(), ZoneId.systemDefault());
    }
}
