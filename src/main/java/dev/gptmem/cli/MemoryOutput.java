package dev.gptmem.cli;

import dev.gptmem.core.Ids;
import dev.gptmem.core.Memory;
import dev.gptmem.core.Times;
import dev.gptmem.io.JsonMemoryWriter;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Prints memories in the format the user chose. Script formats stream; the table collects its
 * rows first so it can size its columns.
 */
final class MemoryOutput implements AutoCloseable, Consumer<Memory> {
    private static final int MAX_TAGS_WIDTH = 30;

    private final OutputOptions.Format format;
    private final PrintWriter out;
    private final Style style;
    private final int width;
    private final JsonMemoryWriter json;
    private Table table;
    private long count;

    MemoryOutput(OutputOptions.Format format, PrintWriter out, CliContext context) {
        this.format = format;
        this.out = out;
        this.style = new Style(format == OutputOptions.Format.TABLE && context.colour());
        this.width = format == OutputOptions.Format.TABLE ? context.terminal().width() : 0;
        json = json(format, out);
        if (format == OutputOptions.Format.TABLE) {
            table = new Table("ID", "PIN", "CREATED", "TAGS", "MEMORY")
                    .style(0, style::id).style(1, style::pin).style(3, style::tag).limit(3, MAX_TAGS_WIDTH);
        }
    }

    @Override
    public void accept(Memory m) {
        count++;
        switch (format) {
            case JSON:
            case JSONL:
                json.write(m);
                break;
            case IDS:
                out.println(m.id());
                break;
            default:
                table.add(Ids.shortId(m.id()), m.pinned() ? "*" : "", LocalTime.format(m.createdAt()),
                        String.join(",", m.tags()), Table.oneLine(m.headline()));
        }
    }

    long count() {
        return count;
    }

    @Override
    public void close() {
        finish(json, table, out, style, width);
    }

    /** A started JSON array or JSON Lines writer for the script formats; null for the others. */
    static JsonMemoryWriter json(OutputOptions.Format format, PrintWriter out) {
        if (format != OutputOptions.Format.JSON && format != OutputOptions.Format.JSONL) {
            return null;
        }
        JsonMemoryWriter json = new JsonMemoryWriter(out, format == OutputOptions.Format.JSON
                ? JsonMemoryWriter.Shape.ARRAY : JsonMemoryWriter.Shape.LINES);
        json.begin(null);
        return json;
    }

    /** Ends the JSON, or prints the collected table, whichever the output had. */
    static void finish(JsonMemoryWriter json, Table table, PrintWriter out, Style style, int width) {
        if (json != null) {
            json.end();
            json.close();
        } else if (table != null && !table.isEmpty()) {
            table.print(out, style, width);
        }
        out.flush();
    }

    /**
     * The full record, for people: a header of fields, then the content as it is, its control
     * characters other than line breaks and tabs shown when {@code screen} (a terminal) is to read it.
     */
    static void detail(PrintWriter out, Style style, Memory m, boolean screen) {
        out.println(style.id(m.id()) + (m.pinned() ? "  " + style.pin("pinned") : ""));
        field(out, style, "name", m.name());
        field(out, style, "summary", m.summary());
        if (!m.tags().isEmpty()) {
            out.println(label(style, "tags") + style.tag(Table.oneLine(String.join(", ", m.tags()))));
        }
        field(out, style, "reason", m.reason());
        field(out, style, "source", m.source());
        field(out, style, "created", Times.format(m.createdAt()));
        field(out, style, "updated", Times.format(m.updatedAt()));
        out.println();
        out.println(screen ? Table.visible(m.content(), true) : m.content());
    }

    private static void field(PrintWriter out, Style style, String label, String value) {
        if (value != null) {
            out.println(label(style, label) + Table.oneLine(value));
        }
    }

    private static String label(Style style, String label) {
        return style.dim(String.format("%-9s", label + ":"));
    }
}
