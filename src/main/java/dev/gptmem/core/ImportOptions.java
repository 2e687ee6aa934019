package dev.gptmem.core;

/**
 * How an import treats ids that already exist and content that does, and whether it writes at all.
 *
 * @param allowDuplicates import memories without an id whose content the profile (or the import) has already
 */
public record ImportOptions(OnConflict onConflict, boolean dryRun, boolean allowDuplicates) {

    public enum OnConflict {
        /** Keep the existing memory. */
        SKIP,
        /** Overwrite the existing memory with the imported one. */
        REPLACE,
        /** Overwrite only when the imported memory was updated later. */
        NEWER,
        /** Stop the import; nothing is written. */
        FAIL
    }
}
