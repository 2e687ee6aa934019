package dev.gptmem.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.IncomingMemory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonMemoryReaderTest {

    private final List<String> warnings = new ArrayList<>();

    private List<IncomingMemory> read(String json) {
        return JsonMemoryWriterTest.read(json, warnings);
    }

    private static JsonMemoryReader reader(String json, List<String> warnings) {
        return new JsonMemoryReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), warnings::add);
    }

    private static IncomingMemory content(String content) {
        return new IncomingMemory(null, content, null, null, null, null, null, null, null, null);
    }

    @Test
    void readsTheExportDocumentInAnyFieldOrder() {
        String json = "{\"memories\": [{\"content\": \"a\"}, {\"content\": \"b\"}], \"extra\": {\"x\": [1]},"
                + " \"profile\": {\"name\": \"t\", \"description\": \"Coach\", \"other\": [true]},"
                + " \"version\": 1, \"exported_at\": \"2026-01-01T00:00:00.000Z\", \"format\": \"gptmem-export\"}";

        try (JsonMemoryReader reader = reader(json, warnings)) {
            assertThat(reader.next()).isEqualTo(content("a"));
            assertThat(reader.next()).isEqualTo(content("b"));
            assertThat(reader.next()).isNull();
            assertThat(reader.profileDescription()).contains("Coach");
        }
        assertThat(warnings).isEmpty();
    }

    @Test
    void readsAJsonArray() {
        assertThat(read(" [ {\"content\": \"a\"},\n {\"content\": \"b\"} ] \n")).containsExactly(content("a"), content("b"));
        assertThat(read("[]")).isEmpty();
    }

    @Test
    void readsJsonLinesIncludingBlankLinesAndNoFinalLineBreak() {
        assertThat(read("{\"content\": \"a\"}\n\n{\"content\": \"b\"}\n{\"content\": \"c\"}"))
                .containsExactly(content("a"), content("b"), content("c"));
        assertThat(read("{\"content\":\"only\"}")).containsExactly(content("only"));
    }

    @Test
    void emptyInputHasNoMemories() {
        assertThat(read("")).isEmpty();
        assertThat(read(" \n\n ")).isEmpty();
    }

    @Test
    void readsEveryFieldAndConvertsOffsetsToUtc() {
        IncomingMemory m = read("{\"id\":\"3F2A9C1E-0B4D-4E5F-8A6B-7C8D9E0F1A2B\",\"content\":\"c\",\"name\":\"n\","
                + "\"summary\":\"s\",\"reason\":\"r\",\"tags\":[\"B\",\"a\"],\"pinned\":true,\"source\":\"api\","
                + "\"created_at\":\"2026-01-01T12:00:00+02:00\",\"updated_at\":\"2026-01-01T10:00:00.5Z\"}").get(0);

        assertThat(m).isEqualTo(new IncomingMemory("3F2A9C1E-0B4D-4E5F-8A6B-7C8D9E0F1A2B", "c", "n", "s", "r",
                List.of("B", "a"), true, "api", Instant.parse("2026-01-01T10:00:00Z"),
                Instant.parse("2026-01-01T10:00:00.500Z")));
    }

    @Test
    void nullsAreAbsentValues() {
        assertThat(read("{\"id\":null,\"content\":\"c\",\"name\":null,\"summary\":null,\"reason\":null,\"tags\":null,"
                + "\"pinned\":null,\"source\":null,\"created_at\":null,\"updated_at\":null}"))
                .containsExactly(content("c"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void unicodeEscapesAndRawUnicodeAreDecoded() {
        assertThat(read("[{\"content\":\"\\u00e9 \\ud83d\\ude00 \\u0000 \\n\"},{\"content\":\"é 😀 中文\"}]"))
                .containsExactly(content("é 😀 \u0000 \n"), content("é 😀 中文"));
    }

    @Test
    void byteOrderMarkIsAccepted() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = "[{\"content\":\"a\"}]".getBytes(StandardCharsets.UTF_8);
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(bom), new ByteArrayInputStream(json));

        try (JsonMemoryReader reader = new JsonMemoryReader(in, warnings::add)) {
            assertThat(reader.next()).isEqualTo(content("a"));
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void descriptionIsAcceptedAsContent() {
        assertThat(read("{\"description\":\"from a blob store\",\"tags\":[\"x\"]}").get(0).content())
                .isEqualTo("from a blob store");
        assertThat(warnings).isEmpty();
    }

    @Test
    void contentWinsOverDescriptionWithOneWarning() {
        List<IncomingMemory> all = read("{\"content\":\"c1\",\"description\":\"d1\"}\n{\"content\":\"c2\",\"description\":\"d2\"}");

        assertThat(all).extracting(IncomingMemory::content).containsExactly("c1", "c2");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("description", "line 1");
    }

    @Test
    void unknownFieldsProduceOneWarningEach() {
        List<IncomingMemory> all = read("[{\"content\":\"a\",\"colour\":\"red\",\"mood\":{\"deep\":[1,{\"x\":2}]}},\n"
                + "{\"content\":\"b\",\"colour\":\"blue\"},\n{\"content\":\"c\",\"embedding\":[0.1,0.2],\"colour\":null}]");

        assertThat(all).extracting(IncomingMemory::content).containsExactly("a", "b", "c");
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).contains("'colour'", "record 1 (line 1)");
        assertThat(warnings.get(1)).contains("'mood'");
        assertThat(warnings.get(2)).contains("'embedding'", "record 3 (line 3)");
    }

    @Test
    void missingContentIsLeftForTheImportToReport() {
        assertThat(read("{\"name\":\"no content\"}").get(0).content()).isNull();
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("[{\"content\":\"a\"},\n{\"content\":1}]",
                        "record 2 (line 2): 'content' must be a string, not a number"),
                Arguments.of("{\"content\":\"a\"}\n{\"content\":\"b\",\"id\":7}",
                        "line 2: 'id' must be a string"),
                Arguments.of("{\"content\":\"a\",\"pinned\":\"yes\"}",
                        "line 1: 'pinned' must be true or false, not a string"),
                Arguments.of("{\"content\":\"a\",\"tags\":\"x\"}",
                        "line 1: 'tags' must be an array of strings, not a string"),
                Arguments.of("{\"content\":\"a\",\"tags\":[\"x\",null]}",
                        "line 1: 'tags' must be an array of strings, not null"),
                Arguments.of("{\"content\":\"a\",\"created_at\":\"soon\"}",
                        "line 1: 'created_at': invalid timestamp 'soon'"),
                Arguments.of("[{\"content\":\"a\"},\n[1]]",
                        "record 2 (line 2): a memory must be a JSON object, not an array"),
                Arguments.of("\"just a string\"",
                        "line 1: not a gptmem export"),
                Arguments.of("[{\"content\":\"a\"}] {}",
                        "line 1: unexpected data after the end of the JSON array"),
                Arguments.of("{\"format\":\"gptmem-export\",\"version\":\"1\"}",
                        "line 1: unsupported export version 1"),
                Arguments.of("{\"format\":\"something\",\"version\":1}",
                        "line 1: unknown format 'something'"),
                Arguments.of("{\"format\":\"gptmem-export\",\"memories\":{}}",
                        "line 1: 'memories' must be an array"),
                Arguments.of("{\"version\":1,\"memories\":[]}",
                        "line 1: not a gptmem export: 'format' is missing"),
                Arguments.of("[{\"content\":\"a\"},\n{\"content\":\"b\"",
                        "line 2"),
                Arguments.of("{\"content\":\"a\"}\n{\"content\" \"b\"}",
                        "line 2, column"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformed")
    void malformedInputFailsNamingWhere(String json, String expected) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(GptmemException.class).hasMessageStartingWith(expected);
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        byte[] json = "{\"content\":\"a\"}\n{\"content\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> {
            try (JsonMemoryReader reader = new JsonMemoryReader(new ByteArrayInputStream(json), warnings::add)) {
                while (reader.next() != null) {
                    continue;
                }
            }
        }).isInstanceOf(GptmemException.class).hasMessageStartingWith("line 2");
    }

    @Test
    void streamsRecordsBeforeReadingTheRest() {
        try (JsonMemoryReader reader = reader("{\"content\":\"first\"}\n{\"content\":\"second\"}\n{broken", warnings)) {
            assertThat(reader.next()).isEqualTo(content("first"));
            assertThat(reader.position()).isEqualTo("line 1");
            assertThat(reader.next()).isEqualTo(content("second"));
            assertThat(reader.position()).isEqualTo("line 2");
            assertThatThrownBy(reader::next).hasMessageStartingWith("line 3");
        }
    }

    @Test
    void positionNamesRecordAndLineInArraysAndDocuments() {
        try (JsonMemoryReader reader = reader("{\"format\":\"gptmem-export\",\"version\":1,\"memories\":[\n"
                + "{\"content\":\"a\"},\n\n{\"content\":\"b\"}]}", warnings)) {
            reader.next();
            assertThat(reader.position()).isEqualTo("record 1 (line 2)");
            reader.next();
            assertThat(reader.position()).isEqualTo("record 2 (line 4)");
        }
    }
}
