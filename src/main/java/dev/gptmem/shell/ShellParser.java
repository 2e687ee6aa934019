package dev.gptmem.shell;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Reads lines for JLine with {@link ShellWords}, so completion sees the words the command will
 * get. Enter on a line with an open quote or a trailing backslash asks for the next line instead
 * of running it.
 */
final class ShellParser implements Parser {

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE) {
            ShellWords whole = ShellWords.split(line);
            if (whole.incomplete()) {
                throw new EOFError(-1, -1, whole.problem(), whole.openQuote() != 0 ? "quote" : "newline");
            }
        }
        return new Line(line, cursor, ShellWords.split(line.substring(0, cursor)));
    }

    @Override
    public boolean isEscapeChar(char ch) {
        return ch == '\\';
    }

    /** The words up to the cursor; the last of them (maybe empty) is the one being completed. */
    private static final class Line implements CompletingParsedLine {
        private final String line;
        private final int cursor;
        private final List<String> words;
        private final char openQuote;
        private final int rawWordCursor;

        Line(String line, int cursor, ShellWords before) {
            this.line = line;
            this.cursor = cursor;
            this.words = new ArrayList<>(before.texts());
            this.openQuote = before.openQuote();
            if (before.endsBetweenWords() || words.isEmpty()) {
                words.add("");
                rawWordCursor = 0;
            } else {
                List<ShellWords.Word> found = before.words();
                rawWordCursor = cursor - found.get(found.size() - 1).start();
            }
        }

        @Override
        public String word() {
            return words.get(wordIndex());
        }

        @Override
        public int wordCursor() {
            return word().length();
        }

        @Override
        public int wordIndex() {
            return words.size() - 1;
        }

        @Override
        public List<String> words() {
            return words;
        }

        @Override
        public String line() {
            return line;
        }

        @Override
        public int cursor() {
            return cursor;
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            String escaped = ShellWords.escape(candidate, openQuote);
            if (openQuote == 0) {
                return escaped;
            }
            return openQuote + escaped + (complete ? String.valueOf(openQuote) : "");
        }

        @Override
        public int rawWordCursor() {
            return rawWordCursor;
        }

        @Override
        public int rawWordLength() {
            return rawWordCursor;
        }
    }
}
