package dev.gptmem.shell;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.reader.LineReader;
import org.jline.reader.impl.DefaultHighlighter;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * Colours the command word as it is typed: bold when it names a command, red when it names none,
 * as fish does; a leading 'gptmem', which the shell leaves out, goes with it. Everything else,
 * history search included, is JLine's own highlighting.
 */
final class ShellHighlighter extends DefaultHighlighter {
    private static final String PREFIX = "^\\s*(?:" + Shell.PROGRAM + "\\s+)?";
    private static final Pattern FIRST_WORD = Pattern.compile(PREFIX + "(\\S+)");

    private final Set<String> commands;
    private final boolean colour;

    ShellHighlighter(Set<String> commands, boolean colour) {
        this.commands = commands;
        this.colour = colour;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedString plain = super.highlight(reader, buffer);
        Matcher first = FIRST_WORD.matcher(buffer);
        if (!colour || reader.getSearchTerm() != null || !first.find()) {
            return plain;
        }
        String word = first.group(1);
        AttributedStyle style = commands.contains(word) || word.equals(Shell.PROGRAM)
                ? AttributedStyle.BOLD : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
        return plain.styleMatches(Pattern.compile(PREFIX + Pattern.quote(word)), style);
    }
}
