package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gptmem.core.HomeWriter;
import dev.gptmem.core.MemoryWriter;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a backup of every profile: {@code {"format":"gptmem-export","version":1,"exported_at":…,
 * "profiles":[{"profile":{…},"memories":[…]},…]}}, each entry as a single export writes its
 * profile and memories.
 */
public final class JsonHomeWriter implements HomeWriter {
    private final JsonGenerator json;

    public JsonHomeWriter(Writer out) {
        try {
            this.json = Json.FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // A failed backup must not be closed into a valid-looking (but truncated) document.
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_JSON_CONTENT);
        json.setPrettyPrinter(Json.pretty());
    }

    @Override
    public void begin() {
        try {
            json.writeStartObject();
            json.writeStringField("format", Json.FORMAT);
            json.writeNumberField("version", Json.VERSION);
            json.writeStringField("exported_at", Times.format(Times.now()));
            json.writeArrayFieldStart("profiles");
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }

    @Override
    public MemoryWriter profile() {
        return new JsonMemoryWriter(json);
    }

    @Override
    public void end() {
        try {
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
            json.flush();
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }

    @Override
    public void close() {
        try {
            json.close();
        } catch (IOException e) {
            throw Json.cannotWrite(e);
        }
    }
}
