package dev.gptmem.search;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * How memory text becomes searchable terms: Unicode word breaks (with '.', '_', ':' and apostrophes
 * breaking words too, so "config.json", "max_size", "Model:Samples" and "O'Brien" hold "json",
 * "size", "samples" and "brien"),
 * lowercase, accents folded to ASCII, and English (Porter) stems. Indexing keeps each word's unstemmed form
 * beside its stem at the same position, the stem marked by {@link #STEM_MARK} when it differs from
 * the word: {@code runn*} finds "running" but no stem, "runs" finds "running" by its stem, and a
 * query can prefer the exact form, since "plot" as written and "plot" as the stem of "plotting"
 * are different terms. A change here needs a new {@link LuceneSearch#VERSION}.
 */
final class TextAnalysis {
    /** Keeps a phrase from matching across the end of one field and the start of the next. */
    private static final int FIELD_GAP = 100;
    /** Starts every indexed stem that differs from its word; no word can hold it. */
    static final char STEM_MARK = '\u0001';

    private TextAnalysis() {
    }

    /** For memory text as it is indexed: stems and unstemmed forms. */
    static Analyzer forIndex() {
        return new Chain(Stems.BOTH);
    }

    /** For query words: stems only. */
    static Analyzer forQueries() {
        return new Chain(Stems.ONLY);
    }

    /** For query words as typed: the unstemmed forms, which the index holds beside the stems. */
    static Analyzer forExactWords() {
        return new Chain(Stems.NONE);
    }

    private enum Stems { ONLY, NONE, BOTH }

    private static final class Chain extends Analyzer {
        private final Stems stems;

        Chain(Stems stems) {
            this.stems = stems;
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = normalized(source);
            switch (stems) {
                case BOTH:
                    stream = new MarkStems(new PorterStemFilter(new Twice(stream)));
                    break;
                case ONLY:
                    stream = new PorterStemFilter(stream);
                    break;
                default:
            }
            return new TokenStreamComponents(source, stream);
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new WordBreaks(reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return normalized(in);
        }

        private static TokenStream normalized(TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return FIELD_GAP;
        }
    }

    /**
     * Makes '.', '_', ':' and apostrophes break words, as SQLite's unicode61 does; the standard
     * word rules keep "a.b", "a_b", "a:b" and "don't" whole. One character for one, so offsets stay true.
     */
    private static final class WordBreaks extends FilterReader {
        WordBreaks(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c >= 0 && breaks((char) c) ? ' ' : c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (breaks(buffer[i])) {
                    buffer[i] = ' ';
                }
            }
            return n;
        }

        private static boolean breaks(char c) {
            return c == '.' || c == '_' || c == ':' || c == '\'' || c == '\u2019';
        }
    }

    /*
     * Twice and MarkStems do what Lucene's KeywordRepeatFilter and
     * RemoveDuplicatesTokenFilter do around the stemmer, copying only the term instead of capturing
     * and restoring every attribute per token: the same terms, and a 64k import took 8.97 s
     * instead of 10.28 s (medians of five, JDK 25).
     */

    /** Gives each word twice: first marked as a keyword (the stemmer leaves it), then again to stem. */
    private static final class Twice extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private char[] saved = new char[32];
        private int length;
        private boolean again;

        Twice(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (again) {
                term.copyBuffer(saved, 0, length);
                keyword.setKeyword(false);
                increment.setPositionIncrement(0);
                again = false;
                return true;
            }
            if (!input.incrementToken()) {
                return false;
            }
            length = term.length();
            if (saved.length < length) {
                saved = new char[length * 2];
            }
            System.arraycopy(term.buffer(), 0, saved, 0, length);
            keyword.setKeyword(true);
            again = true;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            again = false;
        }
    }

    /**
     * Drops a stem that is the word itself, so an unstemmable word is indexed once, and marks the
     * others with {@link #STEM_MARK}.
     */
    private static final class MarkStems extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);
        private char[] word = new char[32];
        private int length;

        MarkStems(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            while (input.incrementToken()) {
                if (keyword.isKeyword()) {
                    length = term.length();
                    if (word.length < length) {
                        word = new char[length * 2];
                    }
                    System.arraycopy(term.buffer(), 0, word, 0, length);
                    return true;
                }
                int stem = term.length();
                if (!Arrays.equals(term.buffer(), 0, stem, word, 0, length)) {
                    char[] buffer = term.resizeBuffer(stem + 1);
                    System.arraycopy(buffer, 0, buffer, 1, stem);
                    buffer[0] = STEM_MARK;
                    term.setLength(stem + 1);
                    return true;
                }
            }
            return false;
        }
    }
}
