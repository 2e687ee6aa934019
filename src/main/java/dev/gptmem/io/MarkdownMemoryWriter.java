package dev.gptmem.io;

import dev.gptmem.core.Memory;
import dev.gptmem.core.ProfileInfo;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memories as a Markdown document for people and for a GPT's knowledge files: the profile as the
 * title, then one section per memory with its title, tags, dates and content. Content that Markdown
 * would read as structure (a heading, a code fence, a rule, HTML) is put in a code block whose fence
 * is longer than any run of backticks in it, so no memory can end its section or swallow the next.
 */
public final class MarkdownMemoryWriter extends TextMemoryWriter {
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final int TITLE_LENGTH = 60;
    /** Lines that open or close a block, or turn the line above into a heading (CommonMark). */
    private static final Pattern STRUCTURE = Pattern.compile(
            "(?m)^ {0,3}(#|```|~~~|<|[-*_=][-*_= \\t]*$)|^( {4}|\\t)");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    public MarkdownMemoryWriter(Writer out) {
        super(out, "Markdown");
    }

    @Override
    public void begin(ProfileInfo profile) {
        try {
            out.write("# Memories: " + inline(profile.name()) + "\n\n");
            if (profile.description() != null) {
                out.write(inline(profile.description()) + "\n\n");
            }
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void write(Memory m) {
        try {
            out.write("## " + heading(title(m)) + "\n\n");
            if (!m.tags().isEmpty()) {
                out.write("- Tags: " + String.join(", ", m.tags()) + "\n");
            }
            if (m.pinned()) {
                out.write("- Pinned\n");
            }
            if (m.name() != null && m.summary() != null) {
                out.write("- Summary: " + inline(m.summary()) + "\n");
            }
            if (m.reason() != null) {
                out.write("- Why: " + inline(m.reason()) + "\n");
            }
            out.write("- Created " + DAY_TIME.format(m.createdAt()) + updated(m.createdAt(), m.updatedAt()) + "\n");
            out.write("- Id: " + m.id() + "\n\n");
            content(m.content());
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static String updated(Instant created, Instant updated) {
        String when = DAY_TIME.format(updated);
        return when.equals(DAY_TIME.format(created)) ? "" : ", updated " + when;
    }

    /** The name, else the summary, else the start of the content's first line. */
    private static String title(Memory m) {
        String title = m.name() != null ? m.name() : m.summary() != null ? m.summary()
                : m.content().strip().split("\\R", 2)[0];
        title = inline(title);
        if (m.name() == null && m.summary() == null && title.length() > TITLE_LENGTH) {
            int cut = title.lastIndexOf(' ', TITLE_LENGTH);
            title = title.substring(0, cut > TITLE_LENGTH / 2 ? cut : TITLE_LENGTH) + "…";
        }
        return title;
    }

    private void content(String content) throws IOException {
        // Leading blank lines go, leading spaces stay: they may make the first line code.
        String text = content.replace("\r\n", "\n").replace('\r', '\n').replaceFirst("^([ \t]*\n)+", "")
                .stripTrailing();
        if (text.isEmpty()) {
            return;
        }
        if (!STRUCTURE.matcher(text).find()) {
            out.write(text + "\n\n");
            return;
        }
        int longest = 0;
        Matcher run = BACKTICKS.matcher(text);
        while (run.find()) {
            longest = Math.max(longest, run.end() - run.start());
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        out.write(fence + "text\n" + text + "\n" + fence + "\n\n");
    }

    /** One line: a title or list item must not run over into a block of its own. */
    private static String inline(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }

    /** A trailing run of '#' would be read as the heading's closing sequence, and dropped. */
    private static String heading(String text) {
        return text.endsWith("#") ? text.substring(0, text.length() - 1) + "\\#" : text;
    }
}
