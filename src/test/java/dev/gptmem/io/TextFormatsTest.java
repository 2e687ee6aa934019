package dev.gptmem.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryWriter;
import dev.gptmem.core.ProfileInfo;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Markdown and CSV exports, against golden files and against what a reader of each format sees. */
class TextFormatsTest {
    private static final Instant JAN = Instant.parse("2026-01-02T03:04:05.678Z");
    private static final Instant FEB = Instant.parse("2026-02-03T04:05:06.789Z");
    private static final ProfileInfo PROFILE = new ProfileInfo("trainer", "Running coach\nfor the spring",
            JAN, FEB, 5, 0, null, false);

    private static final List<Memory> MEMORIES = List.of(
            new Memory("00000000-0000-4000-8000-000000000001", "Runs 5k on Monday, Wednesday and Friday",
                    "Training plan", "Three runs a week", "Asked for a plan", List.of("fitness", "plans"), true,
                    "cli", JAN, FEB),
            new Memory("00000000-0000-4000-8000-000000000002", "Prefers metric units, always", null, null, null,
                    List.of("prefs"), false, "cli", JAN, JAN),
            new Memory("00000000-0000-4000-8000-000000000003",
                    "# Not a section\nNotes on the plan\n---\n```sh\ngptmem list\n```\n````\nfour\n````\n~~~\nend",
                    null, "Notes with Markdown in them", null, List.of(), false, "import", JAN, FEB),
            new Memory("00000000-0000-4000-8000-000000000004",
                    "Said \"hi, there\"\r\nthen left; Ünïcödé 😀 中文 עברית", "Quote #", null, "line one\nline two",
                    List.of(), false, "mcp", FEB, FEB),
            new Memory("00000000-0000-4000-8000-000000000005", "A very long first line of content that goes on"
                    + " well past the width of a title, so it is cut at a word", null, null, null, List.of(),
                    false, "cli", FEB, FEB));

    private static String write(Function<StringWriter, MemoryWriter> format) {
        StringWriter out = new StringWriter();
        try (MemoryWriter writer = format.apply(out)) {
            writer.begin(PROFILE);
            MEMORIES.forEach(writer::write);
            writer.end();
        }
        return out.toString();
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = TextFormatsTest.class.getResourceAsStream(name)) {
            assertThat(in).as("golden file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void markdownMatchesItsGoldenFile() throws IOException {
        assertThat(write(MarkdownMemoryWriter::new)).isEqualTo(golden("memories.md"));
    }

    @Test
    void csvMatchesItsGoldenFile() throws IOException {
        assertThat(write(CsvMemoryWriter::new)).isEqualTo(golden("memories.csv"));
    }

    /** Headings outside code blocks, read as CommonMark does: a fence closes only with one at least as long. */
    private static List<String> headings(String markdown) {
        List<String> headings = new ArrayList<>();
        Pattern fence = Pattern.compile("^ {0,3}(`{3,}|~{3,})(.*)$");
        String open = null;
        for (String line : markdown.split("\n", -1)) {
            Matcher m = fence.matcher(line);
            if (open == null && m.matches()) {
                open = m.group(1);
            } else if (open != null && m.matches() && m.group(1).charAt(0) == open.charAt(0)
                    && m.group(1).length() >= open.length() && m.group(2).isBlank()) {
                open = null;
            } else if (open == null && line.matches(" {0,3}#{1,6}( .*)?")) {
                headings.add(line.strip());
            }
        }
        assertThat(open).as("a code block left open at the end of the document").isNull();
        return headings;
    }

    @Test
    void markdownHasOneSectionPerMemoryWhateverTheContentHolds() {
        String md = write(MarkdownMemoryWriter::new);

        assertThat(headings(md)).containsExactly("# Memories: trainer", "## Training plan",
                "## Prefers metric units, always", "## Notes with Markdown in them", "## Quote \\#",
                "## A very long first line of content that goes on well past the…");
        assertThat(md).contains("- Tags: fitness, plans\n", "- Pinned\n", "- Summary: Three runs a week\n",
                "- Why: line one line two\n", "- Created 2026-01-02 03:04 UTC, updated 2026-02-03 04:05 UTC\n",
                "Running coach for the spring\n", "`````text\n# Not a section\n");
        assertThat(md).doesNotContain("\r");
    }

    /** Splits RFC 4180 text into records of fields. */
    private static List<List<String>> parseCsv(String csv) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                assertThat(field).as("a quote inside an unquoted field at %d", i).isEmpty();
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                assertThat(c).as("a bare line break outside quotes at %d", i).isNotIn('\r', '\n');
                field.append(c);
            }
        }
        assertThat(quoted).as("a quote left open").isFalse();
        assertThat(field).as("text after the last CRLF").isEmpty();
        assertThat(record).as("a record without its CRLF").isEmpty();
        return records;
    }

    @Test
    void csvReadsBackFieldForField() {
        List<List<String>> rows = parseCsv(write(CsvMemoryWriter::new));

        assertThat(rows).hasSize(MEMORIES.size() + 1);
        assertThat(rows.get(0)).containsExactly("id", "content", "name", "summary", "reason", "tags", "pinned",
                "source", "created_at", "updated_at");
        for (int i = 0; i < MEMORIES.size(); i++) {
            Memory m = MEMORIES.get(i);
            assertThat(rows.get(i + 1)).containsExactly(m.id(), m.content(), orEmpty(m.name()),
                    orEmpty(m.summary()), orEmpty(m.reason()), String.join(",", m.tags()),
                    Boolean.toString(m.pinned()), m.source(), Times.format(m.createdAt()), Times.format(m.updatedAt()));
        }
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
