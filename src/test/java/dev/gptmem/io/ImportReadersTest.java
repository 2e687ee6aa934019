package dev.gptmem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ImportFormat;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.MemoryReader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImportReadersTest {
    private final List<String> warnings = new ArrayList<>();

    static InputStream fixture(String name) {
        InputStream in = ImportReadersTest.class.getResourceAsStream("imports/" + name);
        assertThat(in).as("fixture %s", name).isNotNull();
        return new BufferedInputStream(in);
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<IncomingMemory> read(InputStream in, ImportFormat format) {
        List<IncomingMemory> memories = new ArrayList<>();
        try (MemoryReader reader = ImportReaders.open(in, format, warnings::add)) {
            for (IncomingMemory m = reader.next(); m != null; m = reader.next()) {
                memories.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return memories;
    }

    private static IncomingMemory memory(String id, String content, String name, String summary, String reason,
                                         List<String> tags, Instant created, Instant updated) {
        return new IncomingMemory(id, content, name, summary, reason, tags, null, null, created, updated);
    }

    static Stream<Arguments> detected() {
        return Stream.of(
                Arguments.of("chatgpt.txt", ImportFormat.CHATGPT),
                Arguments.of("mcp-memory.jsonl", ImportFormat.MCP),
                Arguments.of("gpt-api.json", ImportFormat.GPT_API),
                Arguments.of("gpt-api-wrapped.json", ImportFormat.GPT_API),
                Arguments.of("mem0.json", ImportFormat.MEM0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detected")
    void recognisesEachFixtureAndRewinds(String fixture, ImportFormat format) throws IOException {
        InputStream in = fixture(fixture);
        byte[] whole = fixture(fixture).readAllBytes();

        assertThat(ImportReaders.detect(in)).isEqualTo(format);
        assertThat(in.readAllBytes()).as("the input after recognising it").isEqualTo(whole);
    }

    static Stream<Arguments> detectedInline() {
        return Stream.of(
                Arguments.of("empty input", "", ImportFormat.GPTMEM),
                Arguments.of("plain text", "Prefers metric units\n", ImportFormat.CHATGPT),
                Arguments.of("bullets after a byte order mark", "\uFEFF- Likes tea\n", ImportFormat.CHATGPT),
                Arguments.of("gptmem document", "{\"format\": \"gptmem-export\", \"version\": 1, \"memories\": []}",
                        ImportFormat.GPTMEM),
                Arguments.of("gptmem document, memories first", "{\"memories\": [{\"content\": \"a\"}],"
                        + " \"format\": \"gptmem-export\"}", ImportFormat.GPTMEM),
                Arguments.of("gptmem JSON Lines with tags", "{\"content\": \"a\", \"tags\": [\"x\"]}\n",
                        ImportFormat.GPTMEM),
                Arguments.of("gptmem array with content and description",
                        "[{\"content\": \"a\", \"description\": \"b\"}]", ImportFormat.GPTMEM),
                Arguments.of("MCP relation first", "{\"type\": \"relation\", \"from\": \"a\", \"to\": \"b\","
                        + " \"relationType\": \"knows\"}\n", ImportFormat.MCP),
                Arguments.of("mem0 array", "[{\"id\": \"x\", \"memory\": \"a\", \"categories\": [\"c\"]}]",
                        ImportFormat.MEM0),
                Arguments.of("mem0 JSON Lines", "{\"memory\": \"a\", \"categories\": [\"c\"]}\n", ImportFormat.MEM0),
                Arguments.of("GPT API JSON Lines", "{\"name\": \"n\", \"description\": \"d\"}\n",
                        ImportFormat.GPT_API),
                Arguments.of("broken JSON is left to the gptmem reader", "[{\"content\": ", ImportFormat.GPTMEM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("detectedInline")
    void recognisesTheFormatFromTheFirstRecord(String what, String input, ImportFormat format) throws IOException {
        assertThat(ImportReaders.detect(new BufferedInputStream(text(input)))).isEqualTo(format);
    }

    @Test
    void recognisingReadsOnlyTheStartOfALargeInput() throws IOException {
        InputStream endless = new InputStream() {
            private final byte[] line = "{\"memory\": \"again\"}\n".getBytes(StandardCharsets.UTF_8);
            private long read;

            @Override
            public int read() {
                if (read > 64L << 20) {
                    throw new AssertionError("read the whole input to recognise it");
                }
                return line[(int) (read++ % line.length)];
            }
        };
        assertThat(ImportReaders.detect(new BufferedInputStream(endless))).isEqualTo(ImportFormat.MEM0);
    }

    @Test
    void chatGptTextIsOneMemoryPerLineOrBullet() {
        assertThat(read(fixture("chatgpt.txt"), ImportFormat.AUTO)).extracting(IncomingMemory::content).containsExactly(
                "Prefers metric units.", "Is training for a half marathon in April.", "Has a dog named Rex.",
                "Works as a nurse on night shifts.", "Is training for a half marathon in April.");
        assertThat(read(text("\uFEFF-\n  - Likes tea  \r\n\n*\n"), ImportFormat.CHATGPT))
                .containsExactly(memory(null, "Likes tea", null, null, null, null, null, null));
        assertThat(warnings).isEmpty();
    }

    @Test
    void chatGptTextThatIsNotUtf8FailsNamingTheLine() {
        byte[] bad = "Likes tea\nLikes caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(new ByteArrayInputStream(bad), ImportFormat.CHATGPT))
                .isInstanceOf(GptmemException.class).hasMessage("line 2: not UTF-8 text");
        assertThatThrownBy(() -> read(text("ok\n\nbin\u0000ary\n"), ImportFormat.CHATGPT))
                .isInstanceOf(GptmemException.class).hasMessageStartingWith("line 3: a NUL character");
    }

    static Stream<Arguments> jsonInText() {
        return Stream.of(
                Arguments.of("an export after a stray line", "note\n{\n  \"format\": \"gptmem-export\",\n", 2),
                Arguments.of("JSON Lines after a stray line", "note\n\n{\"content\": \"x\"}\n", 3),
                Arguments.of("an array of records", "note\n[ {\"content\": \"x\"} ]\n", 2),
                Arguments.of("a member that goes on", "note\n  \"tags\": [\n", 2),
                Arguments.of("a bracket alone", "note\n- Likes tea\n[\n", 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jsonInText")
    void jsonInWhatWasTakenForChatGptTextFailsNamingTheLine(String what, String input, int line) {
        assertThatThrownBy(() -> read(text(input), ImportFormat.AUTO)).isInstanceOf(GptmemException.class)
                .hasMessageStartingWith("line " + line + " is JSON, but the input does not start like JSON");
        assertThat(read(text(input), ImportFormat.CHATGPT)).as("given, not guessed").isNotEmpty();
    }

    @Test
    void chatGptTextMayHaveQuotesColonsAndBrackets() {
        String text = "\"Carpe diem\": a favourite motto\n[Work] prefers mornings\nWrites {braces} in code,\n"
                + "\"Dune\" is the favourite book, then \"Emma\"\n";
        assertThat(read(text(text), ImportFormat.AUTO)).hasSize(4);
    }

    @Test
    void mcpEntitiesBecomeMemoriesWithTheirRelations() {
        assertThat(read(fixture("mcp-memory.jsonl"), ImportFormat.AUTO)).containsExactly(
                memory(null, "Speaks fluent Spanish\nGraduated in 2019\nJohn_Smith works_at Anthropic\n"
                        + "John_Smith plans Lisbon trip", "John_Smith", null, null, List.of("person"), null, null),
                memory(null, "John_Smith works_at Anthropic", "Anthropic", null, null, List.of("organization"),
                        null, null),
                memory(null, "Flights booked for May\nJohn_Smith plans Lisbon trip", "Lisbon trip", null, null,
                        List.of("travel-plans"), null, null),
                memory(null, "Mary is_married_to Bob", null, null, null, List.of("relation"), null, null));
        assertThat(warnings).isEmpty();
    }

    @Test
    void anMcpEntityWithNothingToSayIsItsName() {
        assertThat(read(text("{\"type\":\"entity\",\"name\":\"Rex\",\"entityType\":\"  \",\"observations\":[],"
                + "\"extra\":1}\n"), ImportFormat.MCP))
                .containsExactly(memory(null, "Rex", "Rex", null, null, null, null, null));
        assertThat(warnings).containsExactly("'extra' is not kept (first seen at line 1)");
    }

    static Stream<Arguments> malformedMcp() {
        String entity = "{\"type\":\"entity\",\"name\":\"A\",\"entityType\":\"t\",\"observations\":[\"o\"]}\n";
        return Stream.of(
                Arguments.of(entity + "{\"type\":\"entity\",\"name\":\"B\",\"observations\":\"o\"}\n",
                        "line 2: 'observations' must be an array of strings"),
                Arguments.of(entity + "\n{\"type\":\"relation\",\"from\":\"A\",\"to\":\"B\"}\n",
                        "line 3: a relation needs 'from', 'to' and 'relationType'"),
                Arguments.of(entity + "{\"type\":\"node\",\"name\":\"B\"}\n", "line 2: unknown type 'node'"),
                Arguments.of(entity + "{\"name\":\"B\",\"entityType\":\"t\"}\n", "line 2: 'type' is missing"),
                Arguments.of(entity + "{\"type\":\"entity\",\"entityType\":\"t\"}\n",
                        "line 2: an entity needs a 'name'"),
                Arguments.of(entity + "{\"type\":\"entity\",\"name\":\"B\"", "line 2: invalid JSON"),
                Arguments.of(entity + "[1]\n", "line 2: an entity or relation must be a JSON object"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedMcp")
    void malformedMcpFailsNamingTheLine(String input, String error) {
        assertThatThrownBy(() -> read(text(input), ImportFormat.MCP))
                .isInstanceOf(GptmemException.class).hasMessageStartingWith(error);
    }

    @Test
    void truncatedJsonIsOneLineThatSaysWhereAndWhatInOurWords() {
        assertThatThrownBy(() -> read(text("{\"name\": \"x\"\n"), ImportFormat.AUTO))
                .isInstanceOf(GptmemException.class)
                .hasMessage("line 1, column 13: invalid JSON: Unexpected end-of-input: expected close marker for Object");
        assertThatThrownBy(() -> read(text("{\"type\":\"entity\",\"name\":\"B\""), ImportFormat.MCP))
                .isInstanceOf(GptmemException.class)
                .hasMessage("line 1: invalid JSON: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void gptApiRecordsKeepTheirFieldsAndUuids() {
        assertThat(read(fixture("gpt-api.json"), ImportFormat.AUTO)).containsExactly(
                memory("3f0c8a52-6b1e-4d0e-9a57-2c4b8e1d7f10",
                        "Listens to jazz while working, mostly Coltrane and Bill Evans.", "Music taste", "Likes jazz",
                        "Asked for a playlist", null, null, null),
                memory(null, "Goes to one concert a month.", "Concerts", "Monthly concerts", "Mentioned it twice",
                        null, null, null));
        assertThat(warnings).containsExactly(
                "ids that are not UUIDs (such as 'music-2' at record 2 (line 9)) are replaced by new ones",
                "ignored field 'timestamp' (first seen at record 2 (line 9))");
    }

    @Test
    void gptApiRecordsMayBeWrappedInAnObject() {
        assertThat(read(fixture("gpt-api-wrapped.json"), ImportFormat.AUTO)).containsExactly(
                memory(null, "Uses Vim with the Gruvbox theme.", "Editor", "Vim user", "Setup help", null, null, null));
        assertThat(warnings).containsExactly("ignored 'count' beside the records");
        assertThat(read(text("{\"memories\": []}"), ImportFormat.GPT_API)).isEmpty();
    }

    @Test
    void mem0MemoriesKeepContentCategoriesAndTimes() {
        assertThat(read(fixture("mem0.json"), ImportFormat.AUTO)).containsExactly(
                memory("892db2ae-06d9-49e5-8b3e-585ef9b85b8e", "Is a vegetarian and allergic to nuts", null, null, null,
                        List.of("food", "health-conditions"), Instant.parse("2024-07-26T17:29:36.630Z"),
                        Instant.parse("2024-07-27T15:00:00Z")),
                memory("6b1f0d4c-2f3e-4a5b-9c8d-7e6f5a4b3c2d", "Plays cricket on weekends", null, null, null,
                        List.of("sports"), Instant.parse("2024-08-01T09:15:00.120Z"), null));
        assertThat(warnings).containsExactly(
                "'hash' is not kept (first seen at record 1 (line 3))",
                "'metadata' is not kept (first seen at record 1 (line 3))",
                "'user_id' is not kept (first seen at record 1 (line 3))");
    }

    @Test
    void malformedMem0AndGptApiRecordsFailNamingTheRecord() {
        assertThatThrownBy(() -> read(text("[{\"memory\": \"a\"},\n{\"memory\": 5}]"), ImportFormat.MEM0))
                .isInstanceOf(GptmemException.class).hasMessage("record 2 (line 2): 'memory' must be a string, not a number");
        assertThatThrownBy(() -> read(text("{\"results\": [{\"memory\": \"a\", \"created_at\": \"soon\"}]}"),
                ImportFormat.MEM0))
                .isInstanceOf(GptmemException.class).hasMessageStartingWith("record 1 (line 1): 'created_at'");
        assertThatThrownBy(() -> read(text("{\"memories\": [{\"description\": \"a\"},\n{\"description\": ["),
                ImportFormat.GPT_API))
                .isInstanceOf(GptmemException.class).hasMessage("record 2 (line 2): 'description' must be a string, not an array");
    }
}
