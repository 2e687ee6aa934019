package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.gptmem.core.ImportFormat;
import dev.gptmem.core.MemoryReader;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/** The reader for each import format, and the recognising of a format from the start of its input. */
public final class ImportReaders {
    /**
     * How far ahead a format is recognised before the input is rewound: enough for the largest
     * first record (four text fields of 100,000 characters, at up to four bytes each).
     */
    private static final int SNIFF_LIMIT = 8 << 20;
    private static final Set<String> ENVELOPE = Set.of("format", "version", "exported_at", "profile");

    private ImportReaders() {
    }

    /**
     * A reader of {@code in} as {@code format}; {@link ImportFormat#AUTO} first recognises the
     * format ({@link #detect}). Input compressed with gzip is read uncompressed, whatever the format.
     *
     * @param warnings receives each warning once, such as a field that was not kept
     */
    public static MemoryReader open(InputStream in, ImportFormat format, Consumer<String> warnings)
            throws IOException {
        InputStream input = uncompressed(in);
        switch (format == ImportFormat.AUTO ? detect(input) : format) {
            case CHATGPT:
                return new ChatGptTextReader(input, format == ImportFormat.AUTO);
            case MCP:
                return new McpMemoryReader(input, warnings);
            case GPT_API:
                return new JsonMemoryReader(input, ImportFormat.GPT_API, warnings);
            case MEM0:
                return new JsonMemoryReader(input, ImportFormat.MEM0, warnings);
            default:
                return new JsonMemoryReader(input, warnings);
        }
    }

    /** {@code in} ready to read as text: buffered, and uncompressed if gzip-compressed. */
    public static InputStream uncompressed(InputStream in) throws IOException {
        return Gunzip.ifCompressed(in.markSupported() ? in : new BufferedInputStream(in));
    }

    /**
     * The format of the input, from its start, which is read and rewound ({@code in} must support
     * mark). Text that is not JSON is ChatGPT's; for JSON, the keys of the first record decide:
     * {@code type} with {@code entityType}, {@code observations} or {@code relationType} is
     * the MCP graph, {@code memory}
     * mem0, {@code description} without {@code content} a memory API's record, anything else gptmem's.
     */
    public static ImportFormat detect(InputStream in) throws IOException {
        in.mark(SNIFF_LIMIT);
        int first;
        try {
            first = firstSignificant(in);
        } finally {
            in.reset();
        }
        if (first == -1) {
            return ImportFormat.GPTMEM;
        }
        if (first != '{' && first != '[') {
            return ImportFormat.CHATGPT;
        }
        in.mark(SNIFF_LIMIT);
        try (JsonParser json = Json.FACTORY.createParser(new NonClosing(in))) {
            return ofJson(json);
        } catch (JsonProcessingException e) {
            // The gptmem reader reports what is wrong, and where.
            return ImportFormat.GPTMEM;
        } finally {
            in.reset();
        }
    }

    /** The first byte that is not whitespace or a byte order mark, or -1 at the end. */
    private static int firstSignificant(InputStream in) throws IOException {
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0xEF && b != 0xBB && b != 0xBF) {
                return b;
            }
        }
        return -1;
    }

    private static ImportFormat ofJson(JsonParser json) throws IOException {
        JsonToken first = json.nextToken();
        if (first == JsonToken.START_ARRAY) {
            return json.nextToken() == JsonToken.START_OBJECT ? ofRecord(json) : ImportFormat.GPTMEM;
        }
        Set<String> keys = new HashSet<>();
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String name = json.currentName();
            if (ENVELOPE.contains(name)) {
                return ImportFormat.GPTMEM;
            }
            keys.add(name);
            if (json.nextToken() != JsonToken.START_ARRAY) {
                json.skipChildren();
                continue;
            }
            for (JsonToken element = json.nextToken(); element != JsonToken.END_ARRAY; element = json.nextToken()) {
                if (element == JsonToken.START_OBJECT) {
                    // An array of objects: the records, wrapped in this object.
                    return ofRecord(json);
                }
                if (element == null) {
                    return ImportFormat.GPTMEM;
                }
                json.skipChildren();
            }
        }
        return ofKeys(keys);
    }

    /** The format of the record whose opening brace was just read. */
    private static ImportFormat ofRecord(JsonParser json) throws IOException {
        Set<String> keys = new HashSet<>();
        for (JsonToken token = json.nextToken(); token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            keys.add(json.currentName());
            json.nextToken();
            json.skipChildren();
        }
        return ofKeys(keys);
    }

    private static ImportFormat ofKeys(Set<String> keys) {
        if (keys.contains("type") && (keys.contains("entityType") || keys.contains("relationType")
                || keys.contains("observations"))) {
            return ImportFormat.MCP;
        }
        if (keys.contains("memory")) {
            return ImportFormat.MEM0;
        }
        if (keys.contains("description") && !keys.contains("content")) {
            return ImportFormat.GPT_API;
        }
        return ImportFormat.GPTMEM;
    }

    /** Lets the sniffing parser read the stream without closing it. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }
}
