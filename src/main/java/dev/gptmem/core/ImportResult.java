package dev.gptmem.core;

/**
 * What an import did (or, in a dry run, would do).
 *
 * @param skipped    memories not written: existing ids kept, and duplicates
 * @param duplicates those of the skipped whose content was there already
 * @param newProfile the profile did not exist before this import
 */
public record ImportResult(long imported, long replaced, long skipped, long duplicates, boolean dryRun,
                           boolean newProfile) {
}
