package dev.gptmem.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Words as a POSIX shell (dash, bash) splits them; each expectation was checked against sh. */
class ShellWordsTest {

    private static List<String> split(String line) {
        ShellWords words = ShellWords.split(line);
        assertThat(words.incomplete()).as("incomplete: %s", line).isFalse();
        return words.texts();
    }

    @Test
    void blanksSeparateAndQuotesKeepSpaces() {
        assertThat(split("  add  \"Prefers metric units\"\t-t prefs ")).containsExactly("add", "Prefers metric units",
                "-t", "prefs");
        assertThat(split("add 'say \"hi\"' \"it's\"")).containsExactly("add", "say \"hi\"", "it's");
    }

    @Test
    void quotedAndUnquotedPartsRunTogether() {
        assertThat(split("add don\"'\"t 'don'\\''t' x\"y z\"w")).containsExactly("add", "don't", "don't", "xy zw");
    }

    @Test
    void backslashes() {
        assertThat(split("add a\\ b 'C:\\path' \"back\\\\slash\" \"keep\\n\" \"\\$HOME\" \\#1"))
                .containsExactly("add", "a b", "C:\\path", "back\\slash", "keep\\n", "$HOME", "#1");
        assertThat(split("add one \\\ntwo")).containsExactly("add", "one", "two");
        assertThat(split("add 'a\\' b")).containsExactly("add", "a\\", "b");
        assertThat(split("add \"one \\\ntwo\"")).containsExactly("add", "one two");
    }

    @Test
    void emptyQuotesAreAnEmptyWordAndHashStartsAComment() {
        assertThat(split("edit x --summary ''")).containsExactly("edit", "x", "--summary", "");
        assertThat(split("add C# rocks # not this")).containsExactly("add", "C#", "rocks");
        assertThat(split("# only a comment")).isEmpty();
        assertThat(split("add \"multi\nline\"")).containsExactly("add", "multi\nline");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "add 'open       | missing closing '",
        "add \"open      | missing closing \"",
        "add trailing \\ | backslash at the end of the input"
    })
    void incompleteLines(String line, String problem) {
        ShellWords words = ShellWords.split(line.strip());
        assertThat(words.incomplete()).isTrue();
        assertThat(words.problem()).isEqualTo(problem.strip());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"my file.json", "it's \"x\"", "#tag", "back\\slash"})
    void escapedTextReadsBackAsOneWord(String text) {
        assertThat(split("import " + ShellWords.escape(text, (char) 0))).containsExactly("import", text);
        assertThat(split("import '" + ShellWords.escape(text, '\'') + "'")).containsExactly("import", text);
        assertThat(split("import \"" + ShellWords.escape(text, '"') + "\"")).containsExactly("import", text);
    }

    @Test
    void enterOnAnIncompleteLineAsksForMore() {
        ShellParser parser = new ShellParser();
        assertThatThrownBy(() -> parser.parse("add \"Runs", 9, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThatThrownBy(() -> parser.parse("add one \\", 9, ParseContext.ACCEPT_LINE)).isInstanceOf(EOFError.class);
        assertThat(parser.parse("add one", 7, ParseContext.ACCEPT_LINE).words()).containsExactly("add", "one");
    }

    @Test
    void completionSeesTheWordBeforeTheCursorAndQuotesWhatItInserts() {
        ShellParser parser = new ShellParser();
        CompletingParsedLine open = (CompletingParsedLine) parser.parse("import \"my fi", 13, ParseContext.COMPLETE);
        assertThat(open.word()).isEqualTo("my fi");
        assertThat(open.rawWordCursor()).isEqualTo(6);
        assertThat(open.escape("my file.json", true)).hasToString("\"my file.json\"");

        CompletingParsedLine fresh = (CompletingParsedLine) parser.parse("list -t ", 8, ParseContext.COMPLETE);
        assertThat(fresh.words()).containsExactly("list", "-t", "");
        assertThat(fresh.wordIndex()).isEqualTo(2);
        assertThat(fresh.escape("my file", true)).hasToString("my\\ file");
    }
}
