package dev.gptmem.io;

import dev.gptmem.core.Memory;
import dev.gptmem.core.ProfileInfo;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.io.Writer;

/**
 * Memories as CSV (RFC 4180), one row per memory after a header row, for spreadsheets. Rows end in
 * CRLF; a field is quoted when it holds a quote, comma or line break, its quotes doubled. Tags are
 * one field, comma-separated; absent fields are empty.
 */
public final class CsvMemoryWriter extends TextMemoryWriter {
    private static final String HEADER = "id,content,name,summary,reason,tags,pinned,source,created_at,updated_at";

    public CsvMemoryWriter(Writer out) {
        super(out, "CSV");
    }

    @Override
    public void begin(ProfileInfo profile) {
        try {
            out.write(HEADER);
            out.write("\r\n");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public void write(Memory m) {
        try {
            String[] fields = {m.id(), m.content(), m.name(), m.summary(), m.reason(), String.join(",", m.tags()),
                Boolean.toString(m.pinned()), m.source(), Times.format(m.createdAt()), Times.format(m.updatedAt())};
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                field(fields[i]);
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private void field(String value) throws IOException {
        if (value == null) {
            return;
        }
        if (value.indexOf('"') < 0 && value.indexOf(',') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
