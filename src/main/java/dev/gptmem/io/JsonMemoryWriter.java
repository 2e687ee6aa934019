package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryWriter;
import dev.gptmem.core.ProfileInfo;
import dev.gptmem.core.SearchResult;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes memories as JSON, one at a time: the export document (format version 1), a plain JSON
 * array, or JSON Lines (one compact object per line, no envelope).
 */
public final class JsonMemoryWriter implements MemoryWriter {

    public enum Shape {
        /** {@code {"format":"gptmem-export","version":1,…,"memories":[…]}} */
        DOCUMENT,
        /** {@code [ {…}, {…} ]} */
        ARRAY,
        /** one object per line */
        LINES,
        /** {@code {"profile":{…},"memories":[…]}}, one entry of a {@link JsonHomeWriter}'s document */
        MEMBER
    }

    private final JsonGenerator json;
    private final Shape shape;

    public JsonMemoryWriter(Writer out, Shape shape) {
        this.shape = shape;
        try {
            this.json = Json.FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // A failed export must not be closed into a valid-looking (but truncated) document.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        if (shape == Shape.LINES) {
            json.setRootValueSeparator(null);
        } else {
            json.setPrettyPrinter(Json.pretty());
        }
    }

    /** Writes a {@link Shape#MEMBER} into a document that {@code json} is writing. */
    JsonMemoryWriter(JsonGenerator json) {
        this.json = json;
        this.shape = Shape.MEMBER;
    }

    @Override
    public void begin(ProfileInfo profile) {
        try {
            if (shape == Shape.DOCUMENT) {
                json.writeStartObject();
                json.writeStringField("format", Json.FORMAT);
                json.writeNumberField("version", Json.VERSION);
                json.writeStringField("exported_at", Times.format(Times.now()));
                writeProfile(profile);
            } else if (shape == Shape.MEMBER) {
                json.writeStartObject();
                writeProfile(profile);
            } else if (shape == Shape.ARRAY) {
                json.writeStartArray();
            }
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }

    private void writeProfile(ProfileInfo profile) throws IOException {
        json.writeObjectFieldStart("profile");
        json.writeStringField("name", profile.name());
        writeNullable("description", profile.description());
        writeNullable("created_at", profile.createdAt() == null ? null : Times.format(profile.createdAt()));
        json.writeEndObject();
        json.writeArrayFieldStart("memories");
    }

    @Override
    public void write(Memory m) {
        write(m, null, null);
    }

    /** A memory found by a search, with its score and the fields that matched. */
    public void write(SearchResult found) {
        write(found.memory(), found.score(), found.matched());
    }

    private void write(Memory m, Float score, List<String> matched) {
        try {
            json.writeStartObject();
            json.writeStringField("id", m.id());
            json.writeStringField("content", m.content());
            writeNullable("name", m.name());
            writeNullable("summary", m.summary());
            writeNullable("reason", m.reason());
            json.writeArrayFieldStart("tags");
            for (String tag : m.tags()) {
                json.writeString(tag);
            }
            json.writeEndArray();
            json.writeBooleanField("pinned", m.pinned());
            json.writeStringField("source", m.source());
            json.writeStringField("created_at", Times.format(m.createdAt()));
            json.writeStringField("updated_at", Times.format(m.updatedAt()));
            if (score != null) {
                // Three decimals: enough to order by, without float noise such as 7.3400002.
                json.writeNumberField("score", Math.round(score * 1000.0) / 1000.0);
                json.writeArrayFieldStart("matched");
                for (String field : matched) {
                    json.writeString(field);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            if (shape == Shape.LINES) {
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }

    @Override
    public void end() {
        try {
            if (shape == Shape.DOCUMENT || shape == Shape.MEMBER) {
                json.writeEndArray();
                json.writeEndObject();
            } else if (shape == Shape.ARRAY) {
                json.writeEndArray();
            }
            if (shape == Shape.DOCUMENT || shape == Shape.ARRAY) {
                json.writeRaw('\n');
            }
            json.flush();
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }

    private void writeNullable(String field, String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    @Override
    public void close() {
        if (shape == Shape.MEMBER) {
            return; // the generator belongs to the enclosing document
        }
        try {
            json.close();
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }
}
