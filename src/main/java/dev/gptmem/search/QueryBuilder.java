package dev.gptmem.search;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

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
    /**
     * A prefix matches words as written, so a word it finds counts as a word typed in that form:
     * its stem's score and the exact form's together.
     */
    private static final float PREFIX_BOOST = 1 + EXACT_BOOST;
    /**
     * A prefix scores by BM25 as if the words it expands to were one word; past this many words,
     * only the ones in the most memories count to its score (it still finds memories by every one).
     */
    private static final int PREFIX_SCORED_WORDS = 64;

    private final Analyzer analysis;
    private final Analyzer exact;
    private final IndexReader reader;

    /** Builds queries for {@code reader}'s index, whose words a prefix expands to. */
    QueryBuilder(Analyzer analysis, Analyzer exact, IndexReader reader) {
        this.analysis = analysis;
        this.exact = exact;
        this.reader = reader;
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
            return prefixed(((SearchQuery.Prefix) term).text());
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
     * A prefix's text as written, for text the analysis splits ("org-mo", "config.js"): the whole
     * words before its last break, if any ({@code before} is empty if none), and the start of a word.
     */
    record PrefixWords(String before, String start) {
        /** The parts of {@code text} by the {@code exact} analysis; null when it holds no word. */
        static PrefixWords of(Analyzer exact, String text) {
            List<String> written = terms(exact, text);
            if (written.isEmpty()) {
                return null;
            }
            return new PrefixWords(String.join(" ", written.subList(0, written.size() - 1)),
                    written.get(written.size() - 1));
        }
    }

    /** The memories with the words before the prefix, if any, and a word starting with it. */
    private Query prefixed(String text) {
        PrefixWords written = PrefixWords.of(exact, text);
        if (written == null) {
            return null;
        }
        Query start = prefix(new Term(LuceneIndex.TEXT, written.start()));
        if (written.before().isEmpty()) {
            return start;
        }
        return new BooleanQuery.Builder()
                .add(words(written.before()), Occur.MUST)
                .add(start, Occur.MUST)
                .build();
    }

    /**
     * Every word with the prefix, scored as one word, as SQLite's FTS5 scores a prefix: a memory
     * that says "editor" and "edited" scores for two matches of {@code edit*}.
     */
    private Query prefix(Term prefix) {
        Query found = new PrefixQuery(prefix);
        List<Term> words = commonestWords(prefix);
        if (words.isEmpty()) {
            return found;
        }
        SynonymQuery.Builder scored = new SynonymQuery.Builder(prefix.field());
        words.forEach(scored::addTerm);
        return new BooleanQuery.Builder()
                .add(found, Occur.FILTER)
                .add(new BoostQuery(scored.build(), PREFIX_BOOST), Occur.SHOULD)
                .build();
    }

    private record Word(BytesRef bytes, int memories) {
    }

    /** The indexed words with the prefix, at most {@link #PREFIX_SCORED_WORDS} of them: those in the most memories. */
    private List<Term> commonestWords(Term prefix) {
        PriorityQueue<Word> commonest = new PriorityQueue<>(Comparator.comparingInt(Word::memories));
        try {
            Terms terms = MultiTerms.getTerms(reader, prefix.field());
            TermsEnum words = terms == null ? TermsEnum.EMPTY : terms.iterator();
            if (words.seekCeil(prefix.bytes()) != TermsEnum.SeekStatus.END) {
                for (BytesRef word = words.term(); word != null && StringHelper.startsWith(word, prefix.bytes());
                        word = words.next()) {
                    commonest.add(new Word(BytesRef.deepCopyOf(word), words.docFreq()));
                    if (commonest.size() > PREFIX_SCORED_WORDS) {
                        commonest.poll();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Term> out = new ArrayList<>(commonest.size());
        for (Word word : commonest) {
            out.add(new Term(prefix.field(), word.bytes()));
        }
        return out;
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
        return tokens(analyzer, text).stream().map(Token::text).toList();
    }

    /** A word as the analysis gives it, and its position in the text analysed. */
    private record Token(String text, int position) {
    }

    private static List<Token> tokens(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(LuceneIndex.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(new Token(term.toString(), position));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A single word as {@link #word}; for text the analysis splits ("e-mail", "two words"), a phrase of any
     * form of each word, which scores {@link #EXACT_BOOST} times as much again when its words are in
     * the form typed: the weight those words have apart.
     */
    private Query words(String text) {
        List<Token> stems = tokens(analysis, text);
        if (stems.isEmpty()) {
            return null;
        }
        if (stems.size() == 1) {
            return word(text);
        }
        MultiPhraseQuery.Builder anyForm = new MultiPhraseQuery.Builder();
        for (Token stem : stems) {
            anyForm.add(new Term[] {new Term(LuceneIndex.TEXT, stem.text()),
                new Term(LuceneIndex.TEXT, TextAnalysis.STEM_MARK + stem.text())}, stem.position());
        }
        PhraseQuery.Builder typed = new PhraseQuery.Builder();
        for (Token word : tokens(exact, text)) {
            typed.add(new Term(LuceneIndex.TEXT, word.text()), word.position());
        }
        return new BooleanQuery.Builder()
                .add(anyForm.build(), Occur.MUST)
                .add(new BoostQuery(typed.build(), EXACT_BOOST), Occur.SHOULD)
                .build();
    }

    private static String describe(List<SearchQuery.Term> group) {
        List<String> shown = new ArrayList<>();
        for (SearchQuery.Term term : group) {
            shown.add("'" + QuerySyntax.show(term) + "'");
        }
        return String.join(" OR ", shown);
    }
}
