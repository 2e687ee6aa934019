package dev.gptmem.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * A plain text table: fixed columns sized to their content, and a last column that takes what
 * is left of the terminal's width (cut with an ellipsis) or, off a terminal, its whole text.
 * Widths are the {@link Columns} a terminal gives the text, and control characters are shown,
 * never sent to the terminal.
 */
final class Table {
    private static final String GAP = "  ";
    private final List<String> headers;
    private final List<UnaryOperator<String>> styles = new ArrayList<>();
    private final int[] limits;
    private final List<String[]> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
        this.limits = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            styles.add(UnaryOperator.identity());
            limits[i] = Integer.MAX_VALUE;
        }
    }

    Table style(int column, UnaryOperator<String> style) {
        styles.set(column, style);
        return this;
    }

    /** Cuts the cells of a fixed column to at most {@code columns} wide. */
    Table limit(int column, int columns) {
        limits[column] = columns;
        return this;
    }

    void add(String... cells) {
        String[] row = new String[cells.length];
        for (int c = 0; c < cells.length; c++) {
            row[c] = Columns.cut(visible(cells[c]), limits[c]);
        }
        rows.add(row);
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** @param width the terminal's width, or 0 for no limit */
    void print(PrintWriter out, Style style, int width) {
        int columns = headers.size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = Columns.width(headers.get(c));
        }
        for (String[] row : rows) {
            for (int c = 0; c < columns - 1; c++) {
                widths[c] = Math.max(widths[c], Columns.width(row[c]));
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
            String text = isLast ? Columns.cut(cells[c], last) : cells[c];
            line.append(styled ? styles.get(c).apply(text) : text);
            if (!isLast) {
                line.append(" ".repeat(widths[c] - Columns.width(text) + GAP.length()));
            }
        }
        return line.toString().stripTrailing();
    }

    /**
     * Text on one line, as people see it: runs of whitespace, line breaks included, become one
     * space, and other control characters are {@link #visible}.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        return visible(joinSpaces(text));
    }

    /**
     * Shows control characters instead of sending them to the terminal, the way less does: C0 and
     * DEL in caret notation ({@code ^[} for ESC), the C1 ones as {@code <U+009B>}. Memory text may
     * come from anywhere, and an escape sequence in it could recolour, retitle or rewrite the
     * screen. Tabs and line breaks are kept when {@code keepLines} is true.
     */
    static String visible(String text, boolean keepLines) {
        int first = 0;
        while (first < text.length() && !hidden(text, first, keepLines)) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder shown = new StringBuilder(text.length() + 8).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!hidden(text, i, keepLines)) {
                shown.append(c);
            } else if (c < 0x20 || c == 0x7F) {
                shown.append('^').append((char) (c ^ 0x40));
            } else {
                shown.append(String.format(Locale.ROOT, "<U+%04X>", (int) c));
            }
        }
        return shown.toString();
    }

    static String visible(String text) {
        return visible(text, false);
    }

    private static boolean hidden(String text, int i, boolean keepLines) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0x7F || c > 0x9F) {
            return false;
        }
        boolean lineEnd = c == '\n' || c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
        return !keepLines || !lineEnd && c != '\t';
    }

    private static String joinSpaces(String text) {
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
}
