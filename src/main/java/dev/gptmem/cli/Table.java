package dev.gptmem.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A plain text table: fixed columns sized to their content, and a last column that takes what
 * is left of the terminal's width (cut with an ellipsis) or, off a terminal, its whole text.
 */
final class Table {
    private static final String GAP = "  ";
    private final List<String> headers;
    private final List<UnaryOperator<String>> styles = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
        for (int i = 0; i < headers.length; i++) {
            styles.add(UnaryOperator.identity());
        }
    }

    Table style(int column, UnaryOperator<String> style) {
        styles.set(column, style);
        return this;
    }

    void add(String... cells) {
        rows.add(cells);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @param width the terminal's width, or 0 for no limit */
    void print(PrintWriter out, Style style, int width) {
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = headers.get(c).length();
        }
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], length(row[c]));
            }
        }
        int fixed = 0;
        for (int c = 0; c < columns - 1; c++) {
            fixed += widths[c] + GAP.length();
        }
        int last = width > 0 ? Math.max(10, width - fixed - 1) : Integer.MAX_VALUE;
        out.println(style.header(line(headers.toArray(new String[0]), widths, last, false)));
        for (String[] row : rows) {
            out.println(line(row, widths, last, true));
        }
    }

    private String line(String[] cells, int[] widths, int last, boolean styled) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            boolean isLast = c == cells.length - 1;
            String text = isLast ? cut(cells[c], last) : cells[c];
            line.append(styled ? styles.get(c).apply(text) : text);
            if (!isLast) {
                line.append(" ".repeat(widths[c] - length(text) + GAP.length()));
            }
        }
        return line.toString().stripTrailing();
    }

    /** Shortens text to at most {@code max} code points, marking the cut with an ellipsis. */
    static String cut(String text, int max) {
        if (length(text) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, Math.max(0, max - 1));
        return text.substring(0, end) + "…";
    }

    /** Text on one line: runs of whitespace, line breaks included, become one space. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        // By hand rather than replaceAll("\\s+", " "): a list calls this on every row, and the
        // regex took 7 ms of a cold 'gptmem list' of 1,000 memories. Same result: strip, then
        // each run of [ \t\n\x0B\f\r] becomes one space.
        String line = text.strip();
        int length = line.length();
        int start = 0;
        while (start < length && !(isSpace(line.charAt(start))
                && (line.charAt(start) != ' ' || start + 1 < length && isSpace(line.charAt(start + 1))))) {
            start++;
        }
        if (start == length) {
            return line;
        }
        StringBuilder joined = new StringBuilder(length).append(line, 0, start);
        boolean inRun = false;
        for (int i = start; i < length; i++) {
            char c = line.charAt(i);
            if (!isSpace(c)) {
                joined.append(c);
                inRun = false;
            } else if (!inRun) {
                joined.append(' ');
                inRun = true;
            }
        }
        return joined.toString();
    }

    /** What {@code \s} matches in a Java regex. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
