package dev.gptmem.core;

import java.util.List;

/** One match of a search: the memory, its BM25 score, the fields that matched and a marked passage. */
public record SearchResult(Memory memory, float score, List<String> matched, SearchIndex.Snippet snippet) {
}
