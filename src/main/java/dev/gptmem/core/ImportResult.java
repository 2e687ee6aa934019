package dev.gptmem.core;

/** What an import did (or, in a dry run, would do). */
public record ImportResult(long imported, long replaced, long skipped, boolean dryRun) {
}
