package dev.gptmem.search;

import dev.gptmem.core.Memory;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Finds where a query matches a memory, by analysing its fields as the index did: which fields
 * match, and the passage of the content (else of its headline) with the most distinct matches.
 */
final class Snippets {
    static final int WIDTH = 160;
    private static final int LEAD = 40;

    private final Analyzer indexAnalysis;
    private final Set<String> terms = new HashSet<>();
    private final List<String> prefixes = new ArrayList<>();

    Snippets(Analyzer indexAnalysis, Analyzer queryAnalysis, Analyzer exactAnalysis, SearchQuery query) {
        this.indexAnalysis = indexAnalysis;
        for (List<SearchQuery.Term> group : query.required()) {
            for (SearchQuery.Term term : group) {
                if (term instanceof SearchQuery.Word) {
                    terms.addAll(QueryBuilder.terms(queryAnalysis, ((SearchQuery.Word) term).text()));
                } else if (term instanceof SearchQuery.Phrase) {
                    terms.addAll(QueryBuilder.terms(queryAnalysis, ((SearchQuery.Phrase) term).text()));
                } else if (term instanceof SearchQuery.Prefix) {
                    QueryBuilder.PrefixWords written =
                            QueryBuilder.PrefixWords.of(exactAnalysis, ((SearchQuery.Prefix) term).text());
                    if (written != null) {
                        prefixes.add(written.start());
                        terms.addAll(QueryBuilder.terms(queryAnalysis, written.before()));
                    }
                }
            }
        }
    }

    SearchIndex.Explanation explain(Memory m) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", m.name());
        fields.put("summary", m.summary());
        fields.put("content", m.content());
        fields.put("reason", m.reason());
        fields.put("tags", m.tags().isEmpty() ? null : String.join(" ", m.tags()));
        List<String> matched = new ArrayList<>();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null && !marks(field.getValue()).isEmpty()) {
                matched.add(field.getKey());
            }
        }
        String text = m.content();
        List<Found> found = marks(text);
        if (found.isEmpty()) {
            List<Found> inHeadline = marks(m.headline());
            if (!inHeadline.isEmpty()) {
                text = m.headline();
                found = inHeadline;
            }
        }
        return new SearchIndex.Explanation(matched, passage(text, found));
    }

    private record Found(int start, int end, String term) {
    }

    private List<Found> marks(String text) {
        List<Found> found = new ArrayList<>();
        try (TokenStream tokens = indexAnalysis.tokenStream(LuceneIndex.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int lastStart = -1;
            while (tokens.incrementToken()) {
                String t = term.toString();
                if (offset.startOffset() != lastStart && matches(t)) {
                    found.add(new Found(offset.startOffset(), offset.endOffset(), t));
                    lastStart = offset.startOffset();
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private boolean matches(String term) {
        if (!term.isEmpty() && term.charAt(0) == TextAnalysis.STEM_MARK) {
            return terms.contains(term.substring(1));
        }
        if (terms.contains(term)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (term.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The window of {@link #WIDTH} characters with the most distinct matches, whitespace folded. */
    private static SearchIndex.Snippet passage(String text, List<Found> found) {
        int best = 0;
        int bestCount = -1;
        for (int i = 0; i < found.size(); i++) {
            Set<String> distinct = new HashSet<>();
            for (int j = i; j < found.size() && found.get(j).end() <= found.get(i).start() + WIDTH; j++) {
                distinct.add(found.get(j).term());
            }
            if (distinct.size() > bestCount) {
                bestCount = distinct.size();
                best = i;
            }
        }
        int first = found.isEmpty() ? 0 : found.get(best).start();
        int begin = Math.max(0, first - LEAD);
        while (begin > 0 && begin < first && !Character.isWhitespace(text.charAt(begin - 1))) {
            begin++;
        }
        int end = Math.min(text.length(), begin + WIDTH);
        while (end < text.length() && end > begin && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (end == begin) {
            end = Math.min(text.length(), begin + WIDTH);
        }
        StringBuilder out = new StringBuilder(begin > 0 ? "…" : "");
        int[] at = new int[end - begin + 1];
        boolean space = false;
        for (int i = begin; i < end; i++) {
            char c = text.charAt(i);
            at[i - begin] = out.length();
            if (Character.isWhitespace(c)) {
                if (!space && out.length() > 0) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        at[end - begin] = out.length();
        List<SearchIndex.Mark> marks = new ArrayList<>();
        for (Found f : found) {
            if (f.start() >= begin && f.end() <= end) {
                int from = at[f.start() - begin];
                int to = at[f.end() - begin];
                int last = marks.size() - 1;
                // Matches that touch are one mark: "[日本語]", not "[日][本][語]" (each ideograph is a word).
                if (last >= 0 && marks.get(last).end() == from) {
                    from = marks.remove(last).start();
                }
                marks.add(new SearchIndex.Mark(from, to));
            }
        }
        String passage = out.toString().stripTrailing();
        return new SearchIndex.Snippet(end < text.length() ? passage + "…" : passage, marks);
    }
}
