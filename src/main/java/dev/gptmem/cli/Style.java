package dev.gptmem.cli;

import org.fusesource.jansi.Ansi;

/** Colours for people at a terminal; plain text everywhere else. */
final class Style {
    private final boolean colour;

    Style(boolean colour) {
        this.colour = colour;
    }

    String id(String text) {
        return paint(text, Ansi.Color.YELLOW, false);
    }

    String tag(String text) {
        return paint(text, Ansi.Color.CYAN, false);
    }

    String header(String text) {
        return colour ? Ansi.ansi().bold().a(text).reset().toString() : text;
    }

    String dim(String text) {
        return colour ? Ansi.ansi().a(Ansi.Attribute.INTENSITY_FAINT).a(text).reset().toString() : text;
    }

    /** A search match inside a snippet. */
    String match(String text) {
        return colour ? Ansi.ansi().bold().fgRed().a(text).reset().toString() : "[" + text + "]";
    }

    String pin(String text) {
        return paint(text, Ansi.Color.MAGENTA, true);
    }

    private String paint(String text, Ansi.Color color, boolean bold) {
        if (!colour || text.isEmpty()) {
            return text;
        }
        Ansi ansi = Ansi.ansi();
        if (bold) {
            ansi.bold();
        }
        return ansi.fg(color).a(text).reset().toString();
    }
}
