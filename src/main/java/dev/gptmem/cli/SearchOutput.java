package dev.gptmem.cli;

import dev.gptmem.core.Ids;
import dev.gptmem.core.SearchIndex;
import dev.gptmem.core.SearchResult;
import dev.gptmem.io.JsonMemoryWriter;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints search results: a table of id, score, tags and the matching passage for people (matches
 * in colour on a terminal, in [brackets] elsewhere), or the memories with their score and matched
 * fields as JSON, or their ids.
 */
final class SearchOutput implements AutoCloseable {
    private static final int MAX_TAGS_WIDTH = 20;
    // Marks ride through the table's cutting as two private-use characters, and become colour or
    // brackets only once the cell is cut to the terminal's width.
    private static final char OPEN = '\uE000';
    private static final char CLOSE = '\uE001';

    private final OutputOptions.Format format;
    private final PrintWriter out;
    private final Style style;
    private final int width;
    private final JsonMemoryWriter json;
    private Table table;

    SearchOutput(OutputOptions.Format format, PrintWriter out, CliContext context) {
        this.format = format;
        this.out = out;
        this.style = new Style(format == OutputOptions.Format.TABLE && context.colour());
        this.width = format == OutputOptions.Format.TABLE ? context.terminal().width() : 0;
        json = MemoryOutput.json(format, out);
        if (format == OutputOptions.Format.TABLE) {
            table = new Table("ID", "SCORE", "TAGS", "MATCH")
                    .style(0, style::id).style(2, style::tag).style(3, this::marks).limit(2, MAX_TAGS_WIDTH);
        }
    }

    void accept(SearchResult found) {
        switch (format) {
            case JSON:
            case JSONL:
                json.write(found);
                break;
            case IDS:
                out.println(found.memory().id());
                break;
            default:
                table.add(Ids.shortId(found.memory().id()), String.format(Locale.ROOT, "%.2f", found.score()),
                        String.join(",", found.memory().tags()), marked(found.snippet()));
        }
    }

    private static String marked(SearchIndex.Snippet snippet) {
        StringBuilder text = new StringBuilder(snippet.text());
        for (int i = snippet.marks().size() - 1; i >= 0; i--) {
            SearchIndex.Mark mark = snippet.marks().get(i);
            text.insert(mark.end(), CLOSE).insert(mark.start(), OPEN);
        }
        return Table.oneLine(text.toString());
    }

    /** Turns the marks of a (possibly cut) cell into the style's highlight. */
    private String marks(String cell) {
        StringBuilder out = new StringBuilder();
        int open = -1;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == OPEN) {
                open = out.length();
            } else if (c == CLOSE && open >= 0) {
                String word = out.substring(open);
                out.setLength(open);
                out.append(style.match(word));
                open = -1;
            } else if (c != CLOSE) {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        MemoryOutput.finish(json, table, out, style, width);
    }
}
