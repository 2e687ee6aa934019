package dev.gptmem.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line into words the way a POSIX shell does: blanks separate words; single quotes keep
 * everything literally; inside double quotes a backslash escapes only {@code " \\ $}, a backquote
 * and a line break; outside quotes a backslash takes the next character literally, and before a
 * line break joins the line to the next; quoted and unquoted parts of one word run together
 * ({@code don"'"t}); an unquoted {@code #} at the start of a word begins a comment. Nothing is
 * expanded.
 */
final class ShellWords {
    /** One word: its text after quoting is undone, and where it starts in the line. */
    record Word(String text, int start) {
    }

    private final List<Word> words;
    /** The quote still open at the end of the line, or 0. */
    private final char openQuote;
    /** The line ends in a backslash that escapes the line break still to come. */
    private final boolean continues;
    /** The line ends between words, so the next word has not started yet. */
    private final boolean endsBetweenWords;

    private ShellWords(List<Word> words, char openQuote, boolean continues, boolean endsBetweenWords) {
        this.words = words;
        this.openQuote = openQuote;
        this.continues = continues;
        this.endsBetweenWords = endsBetweenWords;
    }

    static ShellWords split(CharSequence line) {
        List<Word> words = new ArrayList<>();
        StringBuilder word = null;
        int start = 0;
        char quote = 0;
        boolean continues = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (c == '\\') {
                if (i + 1 == n) {
                    continues = true;
                    break;
                }
                char next = line.charAt(++i);
                if (next == '\n') {
                    continue;
                }
                if (word == null) {
                    word = new StringBuilder();
                    start = i - 1;
                }
                if (quote == '"' && "\"\\$`".indexOf(next) < 0) {
                    word.append('\\');
                }
                word.append(next);
                continue;
            }
            if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(new Word(word.toString(), start));
                    word = null;
                }
                continue;
            }
            if (word == null) {
                if (c == '#') {
                    int end = line.toString().indexOf('\n', i);
                    if (end < 0) {
                        break;
                    }
                    i = end;
                    continue;
                }
                word = new StringBuilder();
                start = i;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else {
                word.append(c);
            }
        }
        boolean between = word == null && !continues;
        if (word != null) {
            words.add(new Word(word.toString(), start));
        }
        return new ShellWords(words, quote, continues, between);
    }

    List<Word> words() {
        return words;
    }

    List<String> texts() {
        return words.stream().map(Word::text).toList();
    }

    /** The line cannot run yet: a quote is open or it ends in a backslash. */
    boolean incomplete() {
        return openQuote != 0 || continues;
    }

    char openQuote() {
        return openQuote;
    }

    boolean endsBetweenWords() {
        return endsBetweenWords;
    }

    /** What is wrong with an incomplete line, for a script that ends inside one. */
    String problem() {
        return openQuote != 0 ? "missing closing " + openQuote : "backslash at the end of the input";
    }

    /**
     * Text written so that {@link #split} reads it back as one word, as completion inserts it:
     * inside an open quote only that quote's own specials are escaped; elsewhere every character
     * that would end or change the word is.
     */
    static String escape(CharSequence text, char openQuote) {
        StringBuilder escaped = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (openQuote == '\'') {
                escaped.append(c == '\'' ? "'\\''" : String.valueOf(c));
            } else if (openQuote == '"') {
                escaped.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
            } else {
                boolean special = Character.isWhitespace(c) || c == '\'' || c == '"' || c == '\\'
                        || (c == '#' && i == 0);
                escaped.append(special ? "\\" + c : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
