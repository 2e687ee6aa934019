package dev.gptmem.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class TextAnalysisTest {

    /** Terms with their positions, as "term@position". */
    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(LuceneIndex.TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                out.add(term + "@" + position);
            }
            tokens.end();
        }
        return out;
    }

    @Test
    void queriesAreLowercasedFoldedAndStemmed() throws IOException {
        Analyzer query = TextAnalysis.forQueries();
        assertThat(terms(query, "Running CAFÉS naïve")).containsExactly("run@0", "cafe@1", "naiv@2");
        assertThat(terms(query, "the runner's editors")).containsExactly("the@0", "runner@1", "s@2", "editor@3");
        assertThat(terms(query, "O\u2019Brien doesn't")).containsExactly("o@0", "brien@1", "doesn@2", "t@3");
    }

    @Test
    void wordsBreakTheUnicodeWay() throws IOException {
        Analyzer query = TextAnalysis.forQueries();
        assertThat(terms(query, "e-mail hdf5 sha256, 10% (x86_64)")).containsExactly(
                "e@0", "mail@1", "hdf5@2", "sha256@3", "10@4", "x86@5", "64@6");
        assertThat(terms(query, "config.json max_size Model:Samples")).as("as SQLite's unicode61 splits them")
                .containsExactly("config@0", "json@1", "max@2", "size@3", "model@4", "sampl@5");
        assertThat(terms(query, "東京 Straße")).containsExactly("東@0", "京@1", "strass@2");
    }

    @Test
    void indexingKeepsTheUnstemmedFormBesideItsMarkedStem() throws IOException {
        Analyzer index = TextAnalysis.forIndex();
        String mark = String.valueOf(TextAnalysis.STEM_MARK);
        assertThat(terms(index, "Running fast editors")).containsExactly(
                "running@0", mark + "run@0", "fast@1", "editors@2", mark + "editor@2");
    }

    @Test
    void normalisingAPrefixLowercasesAndFoldsWithoutStemming() {
        Analyzer query = TextAnalysis.forQueries();
        assertThat(query.normalize(LuceneIndex.TEXT, "Éditi").utf8ToString()).isEqualTo("editi");
    }
}
