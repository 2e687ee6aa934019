package dev.gptmem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command word, bold when it names a command and red when it does not, as it is typed. */
class ShellHighlighterTest {
    private static final AttributedStyle RED = AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);

    private final ShellHighlighter highlighter = new ShellHighlighter(Set.of("list", "add"), true);

    /** The line as highlighted. JLine marks a new reader's region on the first character, so tests look past it. */
    private AttributedString highlight(String line) throws IOException {
        DumbTerminal terminal = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream(), StandardCharsets.UTF_8);
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        return highlighter.highlight(reader, line);
    }

    @ParameterizedTest(name = "''{0}'' at {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "list -q        | 1  | bold",
        "list -q        | 3  | bold",
        "list -q        | 5  | plain",
        "lst -q         | 1  | red",
        "gptmem list -q | 1  | bold",
        "gptmem list -q | 7  | bold",
        "gptmem list -q | 12 | plain",
        "gptmem lst     | 7  | red",
        "gptmem         | 1  | bold",
    })
    void theCommandWordIsBoldOrRedAndALeadingGptmemGoesWithIt(String line, int at, String expected)
            throws IOException {
        AttributedStyle style = switch (expected) {
            case "bold" -> AttributedStyle.BOLD;
            case "red" -> RED;
            default -> AttributedStyle.DEFAULT;
        };

        assertThat(highlight(line).styleAt(at)).isEqualTo(style);
    }
}
