package dev.gptmem.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ProfileInfo;
import dev.gptmem.core.Times;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;

/** Profiles as JSON, for {@code profile list/show --json/--jsonl}. */
public final class ProfileJson {

    private ProfileJson() {
    }

    /** @param lines one compact object per line; otherwise one pretty-printed array */
    public static void write(Writer out, List<ProfileInfo> profiles, boolean lines) {
        try (JsonGenerator json = Json.FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (lines) {
                json.setRootValueSeparator(null);
            } else {
                json.setPrettyPrinter(Json.pretty());
                json.writeStartArray();
            }
            for (ProfileInfo p : profiles) {
                json.writeStartObject();
                json.writeStringField("name", p.name());
                json.writeStringField("description", p.description());
                if (p.problem() == null) {
                    json.writeNumberField("memories", p.memories());
                } else {
                    json.writeNullField("memories");
                }
                json.writeNumberField("size_bytes", p.sizeBytes());
                json.writeStringField("created_at", time(p.createdAt()));
                json.writeStringField("changed_at", time(p.changedAt()));
                json.writeBooleanField("current", p.current());
                json.writeStringField("file", p.file() == null ? null : p.file().toString());
                if (p.problem() != null) {
                    json.writeStringField("problem", p.problem());
                }
                json.writeEndObject();
                if (lines) {
                    json.writeRaw('\n');
                }
            }
            if (!lines) {
                json.writeEndArray();
                json.writeRaw('\n');
            }
        } catch (IOException e) {
            throw GptmemException.io("cannot write JSON", e);
        }
    }

    private static String time(Instant instant) {
        return instant == null ? null : Times.format(instant);
    }
}
