package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports from other memory tools, and what counts as a duplicate. */
class ImportFormatsCommandTest extends CliTestBase {

    private static byte[] fixture(String name) {
        try (InputStream in = ImportFormatsCommandTest.class.getResourceAsStream("/dev/gptmem/io/imports/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Result importFixture(String name, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "import";
        full[1] = "-";
        System.arraycopy(args, 0, full, 2, args.length);
        return stdin(fixture(name)).run(full);
    }

    private List<String> contents() {
        return memories().stream().map(IncomingMemory::content).toList();
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("chatgpt.txt", "chatgpt", 4, 1),
                Arguments.of("mcp-memory.jsonl", "mcp", 4, 0),
                Arguments.of("gpt-api.json", "gpt-api", 2, 0),
                Arguments.of("gpt-api-wrapped.json", "gpt-api", 1, 0),
                Arguments.of("mem0.json", "mem0", 2, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void importingTheSameFileTwiceAddsNothingTheSecondTime(String fixture, String format, int memories,
                                                           int repeated) {
        Result first = importFixture(fixture).succeeded();
        assertThat(first.err()).endsWith("imported " + memories + ", replaced 0, skipped " + repeated
                + " (" + repeated + " duplicates) into new profile 'default'\n");
        List<IncomingMemory> imported = memories();
        assertThat(imported).hasSize(memories).allSatisfy(m -> assertThat(m.source()).isEqualTo("import"));

        Result second = importFixture(fixture, "--format", format).succeeded();

        assertThat(second.err()).contains("imported 0, replaced 0, skipped " + (memories + repeated));
        assertThat(memories()).isEqualTo(imported);
    }

    @Test
    void aDuplicateSaysAllThatAnotherSaysNotJustItsContent() {
        String records = "{\"name\":\"0ad\",\"content\":\"A strategy game\"}\n"
                + "{\"name\":\"0ad-data\",\"content\":\"A strategy game\"}\n"
                + "{\"name\":\"0ad\",\"content\":\"A strategy game\"}\n"
                + "{\"name\":\"0ad\",\"summary\":\"Game\",\"content\":\"A strategy game\"}\n"
                + "{\"name\":\"0ad\",\"reason\":\"Asked\",\"content\":\"A strategy game\"}\n"
                + "{\"content\":\"A strategy game\"}\n"
                + "{\"content\":\"A strategy game\",\"tags\":[\"games\"]}\n";

        assertThat(importing(records).succeeded().err())
                .isEqualTo("imported 5, replaced 0, skipped 2 (2 duplicates) into new profile 'default'\n");
        assertThat(memories()).extracting(m -> m.name() + "|" + m.summary() + "|" + m.reason()).containsExactlyInAnyOrder(
                "0ad|null|null", "0ad-data|null|null", "0ad|Game|null", "0ad|null|Asked", "null|null|null");
        assertThat(importing(records).succeeded().err())
                .isEqualTo("imported 0, replaced 0, skipped 7 (7 duplicates) into profile 'default'\n");
    }

    @Test
    void theDuplicatesOfASecondImportAreCountedApartFromKeptIds() {
        importFixture("gpt-api.json").succeeded();

        // The first record's id exists (skipped under --on-conflict skip); the second's content does.
        assertThat(importFixture("gpt-api.json").succeeded().err())
                .endsWith("imported 0, replaced 0, skipped 2 (1 duplicates) into profile 'default'\n");
    }

    @Test
    void chatGptTextBecomesOneMemoryPerLineWithoutBullets() {
        importFixture("chatgpt.txt", "-p", "coach").succeeded();

        assertThat(memories("coach")).extracting(IncomingMemory::content).containsExactlyInAnyOrder(
                "Prefers metric units.", "Is training for a half marathon in April.", "Has a dog named Rex.",
                "Works as a nurse on night shifts.");
    }

    @Test
    void mcpEntitiesAreNamedAndTaggedWithTheirType() {
        importFixture("mcp-memory.jsonl").succeeded();

        assertThat(memories()).filteredOn(m -> "John_Smith".equals(m.name())).singleElement().satisfies(m -> {
            assertThat(m.tags()).containsExactly("person");
            assertThat(m.content()).contains("Speaks fluent Spanish", "John_Smith works_at Anthropic");
        });
        assertThat(run("list", "-t", "travel-plans", "-q").succeeded().lines()).hasSize(1);
        assertThat(run("list", "-t", "relation", "--jsonl").succeeded().out()).contains("Mary is_married_to Bob");
    }

    @Test
    void mem0KeepsItsTimesAndWarnsOnceAboutEachFieldItDrops() {
        Result result = importFixture("mem0.json").succeeded();

        assertThat(result.err().lines().filter(l -> l.startsWith("gptmem: warning: ")))
                .containsExactly("gptmem: warning: 'hash' is not kept (first seen at record 1 (line 3))",
                        "gptmem: warning: 'metadata' is not kept (first seen at record 1 (line 3))",
                        "gptmem: warning: 'user_id' is not kept (first seen at record 1 (line 3))");
        IncomingMemory vegetarian = memory("892db2ae");
        assertThat(vegetarian.tags()).containsExactly("food", "health-conditions");
        assertThat(vegetarian.createdAt()).hasToString("2024-07-26T17:29:36.630Z");
        assertThat(vegetarian.updatedAt()).hasToString("2024-07-27T15:00:00Z");
    }

    @Test
    void aFileThatRepeatsAMemoryImportsItOnceUnlessDuplicatesAreAllowed() {
        String text = "Likes tea\n- Likes tea\nLikes coffee\n";

        assertThat(importing(text).succeeded().err()).contains("imported 2, replaced 0, skipped 1 (1 duplicates)");
        assertThat(importing(text, "--allow-duplicates", "-p", "all").succeeded().err())
                .contains("imported 3, replaced 0, skipped 0 (0 duplicates)");
        assertThat(memories("all")).extracting(IncomingMemory::content)
                .containsExactlyInAnyOrder("Likes tea", "Likes tea", "Likes coffee");
    }

    @Test
    void aMemoryWithAnIdIsThatMemorySoABackupOfTwoAlikeRestoresBoth() {
        add("Likes tea");
        add("Likes tea");
        String backup = run("export").succeeded().out();

        assertThat(importing(backup, "-p", "restored").succeeded().err())
                .contains("imported 2, replaced 0, skipped 0 (0 duplicates)");
        assertThat(memories("restored")).isEqualTo(memories());
        assertThat(importing("{\"content\": \"Likes tea\"}\n", "-p", "restored").succeeded().err())
                .contains("imported 0, replaced 0, skipped 1 (1 duplicates)");
    }

    @Test
    void aDuplicateIsExactContentOnly() {
        add("Likes tea");

        importing("likes tea\nLikes tea.\n Likes tea \n").succeeded();

        assertThat(contents()).containsExactlyInAnyOrder("Likes tea", "likes tea", "Likes tea.");
    }

    @Test
    void aDryRunCountsDuplicatesWithoutWriting() {
        add("Likes tea");

        assertThat(importing("Likes tea\nLikes coffee\n", "--dry-run").succeeded().err())
                .contains("would have imported 1, replaced 0, skipped 1 (1 duplicates)");
        assertThat(contents()).containsExactly("Likes tea");
    }

    @Test
    void addWarnsAboutContentThatExistsAndAddsItAnyway() {
        String first = add("Likes tea");
        Result again = run("add", "Likes tea").succeeded();

        assertThat(again.err()).isEqualTo(
                "gptmem: warning: a memory with exactly this content exists already; added anyway\n");
        assertThat(again.out().strip()).isNotEqualTo(first);
        assertThat(contents()).containsExactly("Likes tea", "Likes tea");
        assertThat(run("add", "Likes tea!").succeeded().err()).isEmpty();
    }

    @Test
    void theFormatCanBeForced() {
        importing("{\"content\": \"looks like JSON\"}\n", "--format", "chatgpt").succeeded();
        assertThat(contents()).containsExactly("{\"content\": \"looks like JSON\"}");

        Result asGptmem = importing("Plain text\n", "--format", "gptmem").failedWith(ExitCodes.FAILURE);
        assertThat(asGptmem.error()).startsWith("line 1, column 1: invalid JSON");

        Result unknown = importing("x\n", "--format", "csv").failedWith(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("--format must be auto, gptmem, chatgpt, mcp, gpt-api or mem0, not 'csv'");
    }

    @Test
    void jsonAfterAStrayFirstLineIsDamagedJsonNotChatGptText() {
        add("Existing memory");
        String export = run("export").succeeded().out();
        String before = run("export", "--format", "jsonl").succeeded().out();

        Result damaged = importing("$ gptmem export\n" + export).failedWith(ExitCodes.FAILURE);
        assertThat(damaged.error()).startsWith("line 2 is JSON, but the input does not start like JSON")
                .contains("--format chatgpt").endsWith("nothing was imported");
        assertThat(damaged.err().strip().lines()).hasSize(1);
        assertThat(run("export", "--format", "jsonl").succeeded().out()).isEqualTo(before);

        importing("Likes tea\n{\"content\": \"kept as a line\"}\n", "--format", "chatgpt").succeeded();
        assertThat(contents()).contains("Likes tea", "{\"content\": \"kept as a line\"}");
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("chatgpt", "Likes tea\nLikes caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                        "line 2: not UTF-8 text; nothing was imported"),
                Arguments.of("chatgpt", ("Likes tea\n" + "x".repeat(100_001) + "\n").getBytes(StandardCharsets.UTF_8),
                        "line 2: content is 100,001 characters long"),
                Arguments.of("mcp", ("{\"type\":\"entity\",\"name\":\"A\",\"observations\":[]}\n"
                                + "{\"type\":\"relation\",\"from\":\"A\"}\n").getBytes(StandardCharsets.UTF_8),
                        "line 2: a relation needs 'from', 'to' and 'relationType'; nothing was imported"),
                Arguments.of("gpt-api", "[{\"name\": \"n\", \"description\": \"d\"},\n {\"name\": \"no description\"}]"
                        .getBytes(StandardCharsets.UTF_8), "record 2 (line 2): missing 'content'"),
                Arguments.of("mem0", "{\"results\": [{\"memory\": \"a\"},\n{\"memory\": \"b\", \"categories\": \"x\"}]}"
                        .getBytes(StandardCharsets.UTF_8), "record 2 (line 2): 'categories' must be an array"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("malformed")
    void malformedInputInAnyFormatChangesNothing(String format, byte[] input, String error) {
        add("Existing memory");
        String before = run("export", "--format", "jsonl").succeeded().out();

        for (String[] args : List.of(new String[] {"import", "-"}, new String[] {"import", "-", "--format", format})) {
            Result result = stdin(input).run(args).failedWith(ExitCodes.FAILURE);
            assertThat(result.error()).startsWith(error).endsWith("nothing was imported");
            assertThat(run("export", "--format", "jsonl").succeeded().out()).isEqualTo(before);
        }
    }
}
