package dev.gptmem.search;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * How memory text becomes searchable terms: Unicode word breaks (with '.' and '_' breaking words
 * too, so "config.json" and "max_size" hold "json" and "size"), possessives dropped, lowercase,
 * accents folded to ASCII, and English (Porter) stems. Indexing keeps each word's unstemmed form
 * beside its stem at the same position: {@code runn*} still finds "running", "runs" finds "running"
 * by its stem, and a query can prefer the exact form. A change here needs a new {@link LuceneSearch#VERSION}.
 */
final class TextAnalysis {
    /** Keeps a phrase from matching across the end of one field and the start of the next. */
    private static final int FIELD_GAP = 100;

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
            TokenStream stream = normalized(new EnglishPossessiveFilter(source));
            switch (stems) {
                case BOTH:
                    stream = new RemoveDuplicatesTokenFilter(new PorterStemFilter(new KeywordRepeatFilter(stream)));
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
     * Makes '.' and '_' break words, as SQLite's unicode61 does; the standard word rules keep
     * "a.b" and "a_b" whole. One character for one, so offsets into the text stay true.
     */
    private static final class WordBreaks extends FilterReader {
        WordBreaks(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            return c == '.' || c == '_' ? ' ' : c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '.' || buffer[i] == '_') {
                    buffer[i] = ' ';
                }
            }
            return n;
        }
    }
}
