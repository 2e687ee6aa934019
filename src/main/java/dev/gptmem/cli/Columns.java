package dev.gptmem.cli;

import org.jline.utils.WCWidth;

/**
 * How much of a terminal line text takes: two columns for a CJK character or an emoji, none for
 * a combining accent, one for the rest. Control characters count one; the text shown to people
 * has them made visible first (see {@code Table.visible}).
 */
public final class Columns {
    /** Below this every character takes one column, so ASCII text never needs JLine's table. */
    private static final int FIRST_NOT_NARROW = 0x300;

    private Columns() {
    }

    /** The columns {@code text} takes on one line. */
    public static int width(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            columns += width(point);
            i += Character.charCount(point);
        }
        return columns;
    }

    /** Shortens text to at most {@code max} columns, marking the cut with an ellipsis. */
    public static String cut(String text, int max) {
        if (max == Integer.MAX_VALUE || width(text) <= max) {
            return text;
        }
        int room = Math.max(0, max - 1);
        int used = 0;
        int end = 0;
        while (end < text.length()) {
            int point = text.codePointAt(end);
            used += width(point);
            if (used > room) {
                break;
            }
            end += Character.charCount(point);
        }
        return text.substring(0, end) + "…";
    }

    private static int width(int point) {
        return point < FIRST_NOT_NARROW ? 1 : Math.max(0, WCWidth.wcwidth(point));
    }
}
