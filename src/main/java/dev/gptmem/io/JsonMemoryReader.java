package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Ids;
import dev.gptmem.core.ImportFormat;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.MemoryReader;
import dev.gptmem.core.MemoryRules;
import dev.gptmem.core.Times;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads memories to import from an export document, a JSON array of memories, or JSON Lines,
 * telling them apart by their first tokens. It streams: only the memory being read is in memory.
 * JSON Lines are read line by line, so a broken line is reported as that line, not the next.
 * The same shapes carry the records of other tools ({@link ImportFormat#GPT_API},
 * {@link ImportFormat#MEM0}), which may also come wrapped in an object such as {@code {"results": [...]}}.
 */
public final class JsonMemoryReader implements MemoryReader {
    private static final Set<String> ENVELOPE = Set.of("format", "version", "exported_at", "profile", "memories",
            "profiles");

    /**
     * MEMBER: the memories of one profile in a backup of every profile, read for a {@link JsonHomeReader};
     * WRAPPED: another tool's records inside an object.
     */
    private enum Shape { DOCUMENT, ARRAY, LINES, MEMBER, WRAPPED }

    /** Fields that hold the records when another tool wraps them in an object, even an empty list. */
    private static final Set<String> WRAPPERS = Set.of("results", "memories", "items", "data");

    /**
     * How far ahead the format is sniffed before the stream is rewound: looking for the records
     * of a wrapping object may read a whole first record (four text fields of up to 400 KB each).
     */
    private static final int SNIFF_LIMIT = 8 << 20;

    private final InputStream in;
    private final ImportFormat format;
    private final Consumer<String> warnings;
    private String wrapper;
    private JsonParser json;
    private Lines lines;
    private final Set<String> warned = new HashSet<>();
    private Shape shape;
    private boolean done;
    private boolean inMemories;
    private String pendingField;
    private boolean sawFormat;
    private long record;
    private long line;
    private String description;
    private Instant createdAt;

    /**
     * Nothing is read until the first {@link #next()}.
     *
     * @param warnings receives each warning once, such as a field that was not kept
     */
    public JsonMemoryReader(InputStream in, Consumer<String> warnings) {
        this(in, ImportFormat.GPTMEM, warnings);
    }

    /** Reads the records of {@code format}: {@code GPTMEM}, {@code GPT_API} or {@code MEM0}. */
    public JsonMemoryReader(InputStream in, ImportFormat format, Consumer<String> warnings) {
        if (format != ImportFormat.GPTMEM && format != ImportFormat.GPT_API && format != ImportFormat.MEM0) {
            throw new IllegalArgumentException("not a JSON memory format: " + format);
        }
        this.in = in.markSupported() ? in : new BufferedInputStream(in);
        this.format = format;
        this.warnings = warnings;
    }

    /** Reads the elements of a {@code memories} array whose start {@code json} has just read. */
    JsonMemoryReader(JsonParser json, String description, Instant createdAt, Consumer<String> warnings) {
        this.in = null;
        this.format = ImportFormat.GPTMEM;
        this.warnings = warnings;
        this.json = json;
        this.shape = Shape.MEMBER;
        this.description = description;
        this.createdAt = createdAt;
    }

    @Override
    public IncomingMemory next() {
        try {
            return advance();
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? position()
                    : "line " + (shape == Shape.LINES ? lines.number() : at.getLineNr()) + ", column " + at.getColumnNr();
            throw Json.invalid(where, e);
        } catch (IOException e) {
            throw GptmemException.failure("cannot read import: " + e.getMessage(), e);
        }
    }

    private IncomingMemory advance() throws IOException {
        if (done) {
            return null;
        }
        if (shape == null) {
            return start();
        }
        switch (shape) {
            case ARRAY: {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    return finish();
                }
                return memoryAt(token);
            }
            case LINES:
                return nextLine();
            case MEMBER: {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    done = true;
                    return null;
                }
                return memoryAt(token);
            }
            case WRAPPED:
                return nextInWrapper();
            default:
                return nextInDocument();
        }
    }

    /** Sniffs the format from the first tokens, then rewinds and reads the input as that format. */
    private IncomingMemory start() throws IOException {
        in.mark(SNIFF_LIMIT);
        JsonToken first;
        JsonToken field = null;
        String fieldName = null;
        try (JsonParser sniff = Json.FACTORY.createParser(new NonClosing(in))) {
            json = sniff;
            first = sniff.nextToken();
            if (first == JsonToken.START_OBJECT) {
                field = sniff.nextToken();
                fieldName = field == JsonToken.FIELD_NAME ? sniff.currentName() : null;
                if (format != ImportFormat.GPTMEM) {
                    try {
                        wrapper = wrapperField(sniff, field);
                    } catch (JsonProcessingException e) {
                        // Read as a record instead, which reports the error and where it is.
                    }
                }
            }
        }
        if (first == null) {
            done = true;
            return null;
        }
        in.reset();
        if (wrapper != null) {
            json = Json.FACTORY.createParser(in);
            json.nextToken();
            shape = Shape.WRAPPED;
            return nextInWrapper();
        }
        if (first == JsonToken.START_OBJECT && fieldName != null && !ENVELOPE.contains(fieldName)
                || first == JsonToken.START_OBJECT && field == JsonToken.END_OBJECT) {
            shape = Shape.LINES;
            return nextLine();
        }
        json = Json.FACTORY.createParser(in);
        json.nextToken();
        if (first == JsonToken.START_ARRAY) {
            shape = Shape.ARRAY;
            return advance();
        }
        if (first != JsonToken.START_OBJECT) {
            throw unrecognised();
        }
        shape = Shape.DOCUMENT;
        return nextInDocument();
    }

    /**
     * The field of a top-level object that holds the records, or null if the object is a record
     * itself: the first array of objects, or any array under a name such as {@code results}.
     */
    private static String wrapperField(JsonParser sniff, JsonToken field) throws IOException {
        for (JsonToken token = field; token == JsonToken.FIELD_NAME; token = sniff.nextToken()) {
            String name = sniff.currentName();
            if (sniff.nextToken() != JsonToken.START_ARRAY) {
                sniff.skipChildren();
                continue;
            }
            if (WRAPPERS.contains(name)) {
                return name;
            }
            for (JsonToken element = sniff.nextToken(); element != JsonToken.END_ARRAY; element = sniff.nextToken()) {
                if (element == JsonToken.START_OBJECT) {
                    return name;
                }
                if (element == null) {
                    return null;
                }
                sniff.skipChildren();
            }
        }
        return null;
    }

    /** The records of a wrapping object's array; its other fields are skipped with a warning. */
    private IncomingMemory nextInWrapper() throws IOException {
        while (true) {
            if (inMemories) {
                JsonToken token = json.nextToken();
                if (token != JsonToken.END_ARRAY) {
                    return memoryAt(token);
                }
                inMemories = false;
                wrapper = null;
            }
            JsonToken token = json.nextToken();
            if (token == JsonToken.END_OBJECT) {
                return finish();
            }
            if (token != JsonToken.FIELD_NAME) {
                throw GptmemException.failure(here() + ": the input ends before the JSON is complete");
            }
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (field.equals(wrapper) && value == JsonToken.START_ARRAY) {
                inMemories = true;
            } else {
                warnOnce("ignored '" + field + "' beside the records", "wrapper " + field);
                json.skipChildren();
            }
        }
    }

    /**
     * One memory per line; blank lines are skipped. Each line's bytes go to the JSON parser as
     * they are, so invalid UTF-8 is reported on its own line too.
     */
    private IncomingMemory nextLine() throws IOException {
        if (lines == null) {
            lines = new Lines(in);
        }
        byte[] bytes;
        do {
            bytes = lines.next();
            if (bytes == null) {
                done = true;
                return null;
            }
        } while (Lines.isBlank(bytes));
        record++;
        line = lines.number();
        json = Json.FACTORY.createParser(bytes);
        JsonToken token = json.nextToken();
        if (token != JsonToken.START_OBJECT) {
            throw GptmemException.failure(position() + ": a memory must be a JSON object, not " + describe(token));
        }
        IncomingMemory memory = memoryBody(json.nextToken());
        if (json.nextToken() != null) {
            throw GptmemException.failure(position() + ": more than one JSON value on the line");
        }
        json.close();
        return memory;
    }

    /** Walks the envelope's fields, handing out the elements of its {@code memories} array. */
    private IncomingMemory nextInDocument() throws IOException {
        while (true) {
            if (inMemories) {
                JsonToken token = json.nextToken();
                if (token != JsonToken.END_ARRAY) {
                    return memoryAt(token);
                }
                inMemories = false;
            }
            String field;
            if (pendingField != null) {
                field = pendingField;
                pendingField = null;
            } else {
                JsonToken token = json.nextToken();
                if (token == JsonToken.END_OBJECT) {
                    if (!sawFormat) {
                        throw GptmemException.failure("line 1: not a gptmem export: 'format' is missing");
                    }
                    return finish();
                }
                field = json.currentName();
            }
            JsonToken value = json.nextToken();
            switch (field) {
                case "format":
                    if (value != JsonToken.VALUE_STRING || !Json.FORMAT.equals(json.getText())) {
                        throw GptmemException.failure(here() + ": unknown format '" + json.getText()
                                + "' (expected '" + Json.FORMAT + "')");
                    }
                    sawFormat = true;
                    break;
                case "version":
                    if (value != JsonToken.VALUE_NUMBER_INT || json.getIntValue() != Json.VERSION) {
                        throw GptmemException.failure(here() + ": unsupported export version " + json.getText()
                                + " (this gptmem reads version " + Json.VERSION + ")");
                    }
                    break;
                case "profile":
                    readProfile(value);
                    break;
                case "profiles":
                    throw GptmemException.usage(here() + ": this is a backup of every profile (export --all);"
                            + " restore it with 'gptmem import --all'");
                case "memories":
                    if (value != JsonToken.START_ARRAY) {
                        throw GptmemException.failure(here() + ": 'memories' must be an array");
                    }
                    inMemories = true;
                    break;
                default:
                    json.skipChildren();
            }
        }
    }

    private void readProfile(JsonToken value) throws IOException {
        if (value != JsonToken.START_OBJECT) {
            json.skipChildren();
            return;
        }
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String field = json.currentName();
            JsonToken token = json.nextToken();
            if ("description".equals(field) && token == JsonToken.VALUE_STRING) {
                description = json.getText();
            } else {
                json.skipChildren();
            }
        }
    }

    /** After the closing bracket of an array or document, only whitespace may follow. */
    private IncomingMemory finish() throws IOException {
        if (json.nextToken() != null) {
            throw GptmemException.failure(here() + ": unexpected data after the end of the JSON "
                    + (shape == Shape.ARRAY ? "array" : "document"));
        }
        done = true;
        return null;
    }

    private IncomingMemory memoryAt(JsonToken token) throws IOException {
        if (token == null) {
            throw GptmemException.failure(here() + ": the input ends before the JSON is complete");
        }
        mark(json.currentTokenLocation());
        if (token != JsonToken.START_OBJECT) {
            throw GptmemException.failure(position() + ": a memory must be a JSON object, not " + describe(token));
        }
        return memoryBody(json.nextToken());
    }

    private void mark(JsonLocation start) {
        record++;
        line = start.getLineNr();
    }

    /** Reads an object's fields, the first of which is already the current token. */
    private IncomingMemory memoryBody(JsonToken token) throws IOException {
        String id = null;
        String content = null;
        String description = null;
        String name = null;
        String summary = null;
        String reason = null;
        List<String> tags = null;
        Boolean pinned = null;
        String source = null;
        Instant createdAt = null;
        Instant updatedAt = null;
        for (; token == JsonToken.FIELD_NAME; token = json.nextToken()) {
            String field = json.currentName();
            JsonToken value = json.nextToken();
            if (format == ImportFormat.MEM0) {
                switch (field) {
                    case "id": id = foreignId(string(field, value)); break;
                    case "memory": content = string(field, value); break;
                    case "categories": tags = labels(field, value); break;
                    case "created_at": createdAt = looseTime(field, value); break;
                    case "updated_at": updatedAt = looseTime(field, value); break;
                    default:
                        warnOnce("'" + field + "' is not kept (first seen at " + position() + ")", field);
                        json.skipChildren();
                }
                continue;
            }
            switch (field) {
                case "id":
                    id = string(field, value);
                    if (format == ImportFormat.GPT_API) {
                        id = foreignId(id);
                    }
                    break;
                case "content": content = string(field, value); break;
                case "description": description = string(field, value); break;
                case "name": name = string(field, value); break;
                case "summary": summary = string(field, value); break;
                case "reason": reason = string(field, value); break;
                case "tags": tags = tags(field, value); break;
                case "pinned": pinned = bool(field, value); break;
                case "source": source = string(field, value); break;
                case "created_at": createdAt = time(field, value); break;
                case "updated_at": updatedAt = time(field, value); break;
                default:
                    warnOnce("ignored field '" + field + "' (first seen at " + position() + ")", field);
                    json.skipChildren();
            }
        }
        if (token != JsonToken.END_OBJECT) {
            throw GptmemException.failure(here() + ": the input ends inside a memory");
        }
        if (content == null) {
            content = description;
        } else if (description != null) {
            warnOnce("ignored 'description' where 'content' is also given (first seen at " + position() + ")",
                    "description");
        }
        return new IncomingMemory(id, content, name, summary, reason, tags, pinned, source, createdAt, updatedAt);
    }

    private String string(String field, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw wrongType(field, "a string", value);
        }
        return json.getText();
    }

    /** Another tool's id, kept when it is a UUID; anything else gets a new id, with a warning. */
    private String foreignId(String id) {
        if (id == null || Ids.isFull(id.strip().toLowerCase(Locale.ROOT))) {
            return id;
        }
        warnOnce("ids that are not UUIDs (such as '" + id + "' at " + position() + ") are replaced by new ones",
                "id");
        return null;
    }

    /** Labels such as mem0's categories, made into tags: "Travel plans" becomes travel-plans. */
    private List<String> labels(String field, JsonToken value) throws IOException {
        List<String> labels = tags(field, value);
        if (labels == null) {
            return null;
        }
        List<String> tags = new ArrayList<>();
        for (String label : labels) {
            String tag = MemoryRules.tagFrom(label);
            if (tag != null) {
                tags.add(tag);
            }
        }
        return tags;
    }

    /** A timestamp that may lack its offset, as Python's isoformat() writes one; such a time is taken as UTC. */
    private Instant looseTime(String field, JsonToken value) throws IOException {
        String text = string(field, value);
        if (text == null) {
            return null;
        }
        try {
            return Times.parse(text);
        } catch (GptmemException e) {
            try {
                return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            } catch (DateTimeParseException notLocal) {
                throw GptmemException.failure(position() + ": '" + field + "': " + e.getMessage());
            }
        }
    }

    private Boolean bool(String field, JsonToken value) {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
            throw wrongType(field, "true or false", value);
        }
        return value == JsonToken.VALUE_TRUE;
    }

    private Instant time(String field, JsonToken value) throws IOException {
        String text = string(field, value);
        if (text == null) {
            return null;
        }
        try {
            return Times.parse(text);
        } catch (GptmemException e) {
            throw GptmemException.failure(position() + ": '" + field + "': " + e.getMessage());
        }
    }

    private List<String> tags(String field, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw wrongType(field, "an array of strings", value);
        }
        List<String> tags = new ArrayList<>();
        for (JsonToken t = json.nextToken(); t != JsonToken.END_ARRAY; t = json.nextToken()) {
            if (t != JsonToken.VALUE_STRING) {
                throw wrongType(field, "an array of strings", t);
            }
            tags.add(json.getText());
        }
        return tags;
    }

    private GptmemException wrongType(String field, String expected, JsonToken got) {
        return GptmemException.failure(position() + ": '" + field + "' must be " + expected + ", not "
                + describe(got));
    }

    private static String describe(JsonToken token) {
        if (token == null) {
            return "the end of the input";
        }
        switch (token) {
            case START_OBJECT: return "an object";
            case START_ARRAY: return "an array";
            case VALUE_STRING: return "a string";
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return "a number";
            case VALUE_TRUE:
            case VALUE_FALSE: return "a boolean";
            case VALUE_NULL: return "null";
            default: return token.asString() == null ? token.name() : token.asString();
        }
    }

    private void warnOnce(String message, String key) {
        if (warned.add(key)) {
            warnings.accept(message);
        }
    }

    private GptmemException unrecognised() {
        return GptmemException.failure("line 1: not a gptmem export, a JSON array of memories or JSON Lines");
    }

    private String here() {
        return "line " + (shape == Shape.LINES ? lines.number() : json.currentLocation().getLineNr());
    }

    @Override
    public String position() {
        return shape == Shape.LINES ? "line " + line : "record " + record + " (line " + line + ")";
    }

    @Override
    public Optional<String> profileDescription() {
        return Optional.ofNullable(description);
    }

    @Override
    public Optional<Instant> profileCreatedAt() {
        return Optional.ofNullable(createdAt);
    }

    @Override
    public void close() {
        if (shape == Shape.MEMBER) {
            return; // the parser belongs to the whole backup
        }
        try {
            if (json != null) {
                json.close();
            }
            in.close();
        } catch (IOException e) {
            // Nothing read is lost by a failed close.
        }
    }

    /** Lets the format sniffer read the stream without closing it. */
    private static final class NonClosing extends FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
        }
    }

}
