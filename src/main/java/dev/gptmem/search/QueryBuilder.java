package dev.gptmem.search;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;

/** Turns a parsed {@link SearchQuery} into a Lucene query over the fields of {@link LuceneIndex}. */
final class QueryBuilder {
    /**
     * How much more a word counts in the form it was typed than in another form of its stem:
     * "editors" finds "editor" too, but ranks memories that say "editors" first.
     */
    private static final float EXACT_BOOST = 5;
    /**
     * A query word found in a memory's name or tags scores there too, as if in a short field of
     * their own, beside its match in the text, where they count once like any other words. At 1,
     * a memory named or tagged with the word outranks one that has it twice in its content, and
     * bench/search's known-item queries (drawn from the content, so a name cannot help them) rank
     * as well as without it.
     */
    private static final float HEAD_BOOST = 1;

    private final Analyzer analysis;
    private final Analyzer exact;

    QueryBuilder(Analyzer analysis, Analyzer exact) {
        this.analysis = analysis;
        this.exact = exact;
    }

    Query build(SearchQuery query) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        boolean scored = false;
        for (List<SearchQuery.Term> group : query.required()) {
            List<Query> alternatives = new ArrayList<>();
            boolean filterOnly = true;
            for (SearchQuery.Term term : group) {
                Query q = of(term);
                if (q != null) {
                    alternatives.add(q);
                    filterOnly &= isFilter(term);
                }
            }
            if (alternatives.isEmpty()) {
                throw GptmemException.usage("nothing to search for in " + describe(group)
                        + ": it has no letters or digits");
            }
            Query q = alternatives.size() == 1 ? alternatives.get(0) : anyOf(alternatives);
            all.add(q, filterOnly ? Occur.FILTER : Occur.MUST);
            scored |= !filterOnly;
        }
        for (SearchQuery.Term term : query.excluded()) {
            Query q = of(term);
            if (q != null) {
                all.add(q, Occur.MUST_NOT);
            }
        }
        for (String tag : query.tags()) {
            all.add(new TermQuery(new Term(LuceneIndex.TAG, tag)), Occur.FILTER);
        }
        if (query.since() != null) {
            all.add(LongPoint.newRangeQuery(LuceneIndex.UPDATED, query.since().toEpochMilli(), Long.MAX_VALUE),
                    Occur.FILTER);
        }
        if (!scored) {
            all.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return all.build();
    }

    private static Query anyOf(List<Query> alternatives) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Query q : alternatives) {
            any.add(q, Occur.SHOULD);
        }
        return any.build();
    }

    private static boolean isFilter(SearchQuery.Term term) {
        return term instanceof SearchQuery.Tag || term instanceof SearchQuery.Pinned;
    }

    /** The query for one term, or null when it holds nothing searchable (such as "--"). */
    private Query of(SearchQuery.Term term) {
        if (term instanceof SearchQuery.Word) {
            return word(((SearchQuery.Word) term).text());
        }
        if (term instanceof SearchQuery.Phrase) {
            return words(((SearchQuery.Phrase) term).text());
        }
        if (term instanceof SearchQuery.Prefix) {
            String prefix = analysis.normalize(LuceneIndex.TEXT, ((SearchQuery.Prefix) term).text()).utf8ToString();
            return prefix.isBlank() ? null : new PrefixQuery(new Term(LuceneIndex.TEXT, prefix));
        }
        if (term instanceof SearchQuery.Tag) {
            return new TermQuery(new Term(LuceneIndex.TAG, ((SearchQuery.Tag) term).name()));
        }
        return new TermQuery(new Term(LuceneIndex.PINNED, Boolean.toString(((SearchQuery.Pinned) term).pinned())));
    }

    /**
     * A word's stem, or the exact form it was typed in, which scores higher; found in the name or
     * tags, it scores there too. Those are in the text as well, so they add score, never matches.
     */
    private Query word(String text) {
        List<String> stems = terms(analysis, text);
        if (stems.size() != 1) {
            return words(text);
        }
        String stem = stems.get(0);
        BooleanQuery.Builder forms = new BooleanQuery.Builder().add(stemOf(LuceneIndex.TEXT, stem), Occur.SHOULD);
        List<String> typed = terms(exact, text);
        if (typed.size() == 1) {
            Query asTyped = new TermQuery(new Term(LuceneIndex.TEXT, typed.get(0)));
            forms.add(new BoostQuery(asTyped, EXACT_BOOST), Occur.SHOULD);
        }
        return forms.add(new BoostQuery(stemOf(LuceneIndex.HEAD, stem), HEAD_BOOST), Occur.SHOULD).build();
    }

    /**
     * Every form of a stem, scored as one term: the word that is its own stem, and the marked stem
     * of the words that are not (see {@link TextAnalysis#STEM_MARK}).
     */
    private static Query stemOf(String field, String stem) {
        return new SynonymQuery.Builder(field)
                .addTerm(new Term(field, stem))
                .addTerm(new Term(field, TextAnalysis.STEM_MARK + stem))
                .build();
    }

    static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(LuceneIndex.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                out.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A single word's stem; a phrase of stems for text the analysis splits ("e-mail", "two words"). */
    private Query words(String text) {
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder();
        String single = null;
        int count = 0;
        try (TokenStream tokens = analysis.tokenStream(LuceneIndex.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                single = term.toString();
                phrase.add(new Term[] {new Term(LuceneIndex.TEXT, single),
                    new Term(LuceneIndex.TEXT, TextAnalysis.STEM_MARK + single)}, position);
                count++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (count == 0) {
            return null;
        }
        return count == 1 ? stemOf(LuceneIndex.TEXT, single) : phrase.build();
    }

    private static String describe(List<SearchQuery.Term> group) {
        List<String> shown = new ArrayList<>();
        for (SearchQuery.Term term : group) {
            shown.add("'" + QuerySyntax.show(term) + "'");
        }
        return String.join(" OR ", shown);
    }
}
