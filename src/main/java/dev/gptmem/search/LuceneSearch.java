package dev.gptmem.search;

import dev.gptmem.core.IndexFiles;
import dev.gptmem.core.SearchIndex;

/**
 * Opens Lucene indexes. Kept free of Lucene types itself, so building it at start-up loads no
 * Lucene class: only commands that write memories or search pay for them.
 */
public final class LuceneSearch implements SearchIndex.Factory {
    /** Lucene's major version, the analysis and the field layout; see {@link TextAnalysis}. */
    static final String VERSION = "lucene-9/3";

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public SearchIndex open(IndexFiles files, boolean bulk) {
        return new LuceneIndex(files, bulk);
    }
}
