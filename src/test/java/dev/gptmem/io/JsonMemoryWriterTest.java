package dev.gptmem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.Memory;
import dev.gptmem.core.ProfileInfo;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonMemoryWriterTest {
    private static final Instant CREATED = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-02-03T04:05:06.789Z");
    static final String AWKWARD = "emoji 😀🧠 中文 עברית e\u0301 \"quoted\" back\\slash\n\ttab"
            + " \u0000\u0001\u001f\u007f \u2028\u2029 </script>";

    private static final Memory FULL = new Memory("3f2a9c1e-0b4d-4e5f-8a6b-7c8d9e0f1a2b", AWKWARD, "Name 😀",
            "Summary", "Reason\non two lines", List.of("fitness", "日本"), true, "mcp", CREATED, UPDATED);
    private static final Memory SPARSE = new Memory("00000000-0000-4000-8000-000000000001", "plain", null, null,
            null, List.of(), false, "cli", CREATED, CREATED);

    private static String write(JsonMemoryWriter.Shape shape, ProfileInfo profile, Memory... memories) {
        StringWriter out = new StringWriter();
        try (JsonMemoryWriter writer = new JsonMemoryWriter(out, shape)) {
            writer.begin(profile);
            for (Memory m : memories) {
                writer.write(m);
            }
            writer.end();
        }
        return out.toString();
    }

    private static ProfileInfo profile(String description) {
        return new ProfileInfo("trainer", description, CREATED, UPDATED, 2, 0, null, false);
    }

    static List<IncomingMemory> read(String json, List<String> warnings) {
        List<IncomingMemory> all = new ArrayList<>();
        try (JsonMemoryReader reader = new JsonMemoryReader(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), warnings::add)) {
            for (IncomingMemory m = reader.next(); m != null; m = reader.next()) {
                all.add(m);
            }
        }
        return all;
    }

    private static void assertSameFields(IncomingMemory in, Memory m) {
        assertThat(in).isEqualTo(new IncomingMemory(m.id(), m.content(), m.name(), m.summary(), m.reason(),
                m.tags(), m.pinned(), m.source(), m.createdAt(), m.updatedAt()));
    }

    private static void assertReadsBackLosslessly(String json) {
        List<String> warnings = new ArrayList<>();
        List<IncomingMemory> back = read(json, warnings);
        assertThat(warnings).isEmpty();
        assertThat(back).hasSize(2);
        assertSameFields(back.get(0), FULL);
        assertSameFields(back.get(1), SPARSE);
    }

    @Test
    void documentHasTheVersionOneEnvelope() {
        String json = write(JsonMemoryWriter.Shape.DOCUMENT, profile("Coach \"GPT\""), FULL, SPARSE);

        assertThat(json).startsWith("{\n  \"format\": \"gptmem-export\",\n  \"version\": 1,\n  \"exported_at\": \"")
                .endsWith("}\n");
        assertThat(json).containsPattern("\"exported_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
        assertThat(json).contains("\"profile\": {", "\"name\": \"trainer\"", "\"description\": \"Coach \\\"GPT\\\"\"",
                "\"created_at\": \"2026-01-01T10:00:00.000Z\"");
        assertThat(json).contains("\"updated_at\": \"2026-02-03T04:05:06.789Z\"");
        assertReadsBackLosslessly(json);
    }

    @Test
    void documentWithoutMemoriesOrDescriptionIsStillComplete() {
        String json = write(JsonMemoryWriter.Shape.DOCUMENT, profile(null));

        assertThat(json).contains("\"description\": null", "\"memories\": [ ]");
        assertThat(read(json, new ArrayList<>())).isEmpty();
    }

    @Test
    void arrayIsAPlainJsonArray() {
        String json = write(JsonMemoryWriter.Shape.ARRAY, null, FULL, SPARSE);

        assertThat(json).startsWith("[").endsWith("]\n").doesNotContain("gptmem-export");
        assertReadsBackLosslessly(json);
    }

    @Test
    void linesAreOneCompactObjectPerLine() {
        String json = write(JsonMemoryWriter.Shape.LINES, null, FULL, SPARSE);

        String[] lines = json.split("\n", -1);
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();
        assertThat(lines[0]).startsWith("{\"id\":\"3f2a9c1e-").endsWith("}");
        assertThat(lines[1]).isEqualTo("{\"id\":\"00000000-0000-4000-8000-000000000001\",\"content\":\"plain\","
                + "\"name\":null,\"summary\":null,\"reason\":null,\"tags\":[],\"pinned\":false,\"source\":\"cli\","
                + "\"created_at\":\"2026-01-01T10:00:00.000Z\",\"updated_at\":\"2026-01-01T10:00:00.000Z\"}");
        assertReadsBackLosslessly(json);
    }

    @Test
    void controlCharactersAreEscapedSoEveryRecordStaysOnOneLine() {
        String json = write(JsonMemoryWriter.Shape.LINES, null, FULL);

        assertThat(json.strip().chars()).noneMatch(c -> c < 0x20);
        assertThat(json).contains("\\u0000", "\\n", "\\t", "\\\"quoted\\\"", "back\\\\slash", "😀");
    }

    @Test
    void noLinesForNoMemories() {
        assertThat(write(JsonMemoryWriter.Shape.LINES, null)).isEmpty();
        assertThat(write(JsonMemoryWriter.Shape.ARRAY, null)).matches("\\[\\s*]\n");
    }

    @Test
    void anUnfinishedExportIsNotClosedIntoValidJson() {
        StringWriter out = new StringWriter();
        try (JsonMemoryWriter writer = new JsonMemoryWriter(out, JsonMemoryWriter.Shape.DOCUMENT)) {
            writer.begin(profile(null));
            writer.write(SPARSE);
        }

        assertThatThrownBy(() -> read(out.toString(), new ArrayList<>())).isInstanceOf(GptmemException.class);
    }

    @Test
    void closingTheWriterLeavesTheTargetOpen() {
        boolean[] closed = {false};
        StringWriter out = new StringWriter() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        try (JsonMemoryWriter writer = new JsonMemoryWriter(out, JsonMemoryWriter.Shape.LINES)) {
            writer.begin(null);
            writer.write(SPARSE);
            writer.end();
        }

        assertThat(closed[0]).isFalse();
        assertThat(out.toString()).endsWith("}\n");
    }
}
