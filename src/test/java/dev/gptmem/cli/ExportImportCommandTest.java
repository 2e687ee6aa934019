package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExportImportCommandTest extends CliTestBase {
    private static final String X = "0000000a-0000-4000-8000-000000000000";
    private static final String Y = "0000000b-0000-4000-8000-000000000000";
    private static final String Z = "0000000c-0000-4000-8000-000000000000";
    private static final String JAN = "2026-01-01T00:00:00.000Z";
    private static final String FEB = "2026-02-01T00:00:00.000Z";
    private static final String MAR = "2026-03-01T00:00:00.000Z";

    /** The export document without the one line that differs between any two exports. */
    private String exported(String profile) {
        String out = run("-p", profile, "export").succeeded().out();
        assertThat(out).contains("\"exported_at\"");
        return out.replaceFirst("\"exported_at\": \"[^\"]+\",\n", "");
    }

    private static String memoriesPart(String export) {
        return export.substring(export.indexOf("\"memories\""));
    }

    private List<String> contents(String profile) {
        return memories(profile).stream().map(IncomingMemory::content).toList();
    }

    @Test
    void exportImportExportGivesTheSameMemoriesFieldForField() {
        run("profile", "create", "origin", "-d", "Running coach").succeeded();
        add("-p", "origin", "-n", "Plan", "-s", "Weekly", "-r", "Why:\nbecause", "-t", "fitness,plans", "--pin",
                "Runs 5k\non Mon, Wed, Fri\n\tindented \"quoted\" \\ back");
        String edited = add("-p", "origin", "Ünïcödé 😀 中文 \u0001 control");
        add("-p", "origin", "plain");
        run("-p", "origin", "edit", edited, "--add-tag", "later").succeeded();

        String first = exported("origin");
        importing(first, "-p", "copy").succeeded();
        String second = exported("copy");

        assertThat(memoriesPart(second)).isEqualTo(memoriesPart(first));
        assertThat(second).contains("\"description\": \"Running coach\"");
        List<IncomingMemory> copied = parse(second);
        assertThat(copied).hasSize(3);
        IncomingMemory plan = copied.get(0);
        assertThat(plan.reason()).isEqualTo("Why:\nbecause");
        assertThat(plan.content()).isEqualTo("Runs 5k\non Mon, Wed, Fri\n\tindented \"quoted\" \\ back");
        assertThat(plan.source()).isEqualTo("cli");
        IncomingMemory unicode = copied.get(1);
        assertThat(unicode.content()).isEqualTo("Ünïcödé 😀 中文 \u0001 control");
        assertThat(unicode.updatedAt()).isAfter(unicode.createdAt());
    }

    @Test
    void exportDocumentCarriesTheEnvelope() {
        run("profile", "create", "trainer", "--description", "Coach").succeeded();
        add("-p", "trainer", "x");

        Result result = run("-p", "trainer", "export").succeeded();

        assertThat(result.out()).startsWith("{").contains("\"format\": \"gptmem-export\"", "\"version\": 1",
                "\"name\": \"trainer\"", "\"description\": \"Coach\"");
        assertThat(result.out()).containsPattern("\"exported_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
        assertThat(result.err()).isEqualTo("exported 1 memory from profile 'trainer'\n");
    }

    @Test
    void jsonlIsOneCompactRecordPerLineOldestFirstAndTagFilterApplies() {
        importing(jsonl(Y, "second", "work", FEB, FEB) + jsonl(X, "first", "work", JAN, JAN)
                + jsonl(Z, "third", "home", MAR, MAR)).succeeded();

        Result all = run("export", "--format", "jsonl").succeeded();
        assertThat(all.lines()).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("{\"id\":").endsWith("}"));
        assertThat(parse(all.out())).extracting(IncomingMemory::content).containsExactly("first", "second", "third");

        Result work = run("export", "-f", "JSONL", "-t", "work").succeeded();
        assertThat(parse(work.out())).extracting(IncomingMemory::id).containsExactly(X, Y);
        assertThat(run("export", "--tag", "work", "--tag", "home").succeeded().out()).contains("\"memories\": [ ]");
    }

    @Test
    void outputOptionWritesAnOwnerOnlyFileAndNothingToStdout() throws IOException {
        add("-t", "a", "to file");
        Path file = home.resolve("backup.json");

        Result result = run("export", "-o", file.toString()).succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("exported 1 memory", file.toString());
        assertThat(parse(Files.readString(file))).extracting(IncomingMemory::content).containsExactly("to file");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (Stream<Path> files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
        }

        run("-p", "restored", "import", file.toString()).succeeded();
        assertThat(contents("restored")).containsExactly("to file");
    }

    @Test
    void exportFailuresAreOneLine() {
        run("-p", "nobody", "export").failedWith(ExitCodes.NOT_FOUND);
        run("export", "--format", "xml").failedWith(ExitCodes.USAGE);
        add("x");
        Path missing = home.resolve("no/such/dir/out.json");
        Result result = run("export", "-o", missing.toString()).failedWith(ExitCodes.FAILURE);
        assertThat(result.error()).isEqualTo("cannot write " + missing + ": no such directory " + missing.getParent());
    }

    @Test
    void importsAJsonArrayAcceptingDescriptionAsContent() {
        Result result = importing("[{\"description\": \"from description\", \"tags\": [\"A\", \"a\"]},\n"
                + " {\"id\": \"" + X.toUpperCase() + "\", \"content\": \"with id\", \"source\": \"api\"}]").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("imported 2, replaced 0, skipped 0 (0 duplicates) into new profile 'default'\n");
        List<IncomingMemory> all = memories();
        IncomingMemory described = all.stream().filter(m -> m.content().equals("from description")).findFirst().orElseThrow();
        assertThat(described.tags()).containsExactly("a");
        assertThat(described.source()).isEqualTo("import");
        assertThat(described.id()).matches("[0-9a-f-]{36}");
        assertThat(described.createdAt()).isNotNull().isEqualTo(described.updatedAt());
        assertThat(memory(X).source()).isEqualTo("api");
    }

    @Test
    void importsJsonLinesFromAFileKeepingTimestamps() throws IOException {
        Path file = home.resolve("in.jsonl");
        Files.writeString(file, jsonl(X, "one", "t", JAN, FEB) + "\n" + jsonl(Y, "two", null, FEB, MAR));

        run("import", file.toString()).succeeded();

        IncomingMemory one = memory(X);
        assertThat(one.createdAt()).isEqualTo(Instant.parse(JAN));
        assertThat(one.updatedAt()).isEqualTo(Instant.parse(FEB));
        assertThat(one.tags()).containsExactly("t");
        assertThat(contents("default")).containsExactly("two", "one");
    }

    @Test
    void unknownFieldsWarnOncePerFieldAndAreDropped() {
        Result result = importing("{\"content\":\"a\",\"colour\":\"red\"}\n{\"content\":\"b\",\"colour\":\"blue\"}\n"
                + "{\"content\":\"c\",\"mood\":{\"nested\":[1,2]}}\n").succeeded();

        List<String> warnings = result.errorLines().stream().filter(l -> l.startsWith("gptmem: warning: ")).toList();
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("'colour'");
        assertThat(warnings.get(1)).contains("'mood'");
        assertThat(contents("default")).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void importFileErrors() {
        run("import", home.resolve("missing.json").toString()).failedWith(ExitCodes.NOT_FOUND);
        run("import", "--on-conflict", "merge", "-").failedWith(ExitCodes.USAGE);
        terminal(Terminal.fixed(true, true, 80));
        run("import").failedWith(ExitCodes.USAGE);
    }

    // --on-conflict: X and Y exist (updated in February); the input has X updated later, Y updated
    // earlier, and a new Z.

    private void existingXandY() {
        importing(jsonl(X, "old x", null, JAN, FEB) + jsonl(Y, "old y", null, JAN, FEB)).succeeded();
    }

    private Result importConflicting(String... options) {
        return importing(jsonl(X, "newer x", null, JAN, MAR) + jsonl(Y, "older y", null, JAN, JAN)
                + jsonl(Z, "new z", null, JAN, JAN), options);
    }

    @Test
    void onConflictSkipIsTheDefaultAndKeepsExistingMemories() {
        existingXandY();

        assertThat(importConflicting().succeeded().err()).contains("imported 1, replaced 0, skipped 2");
        assertThat(memory(X).content()).isEqualTo("old x");
        assertThat(memory(Y).content()).isEqualTo("old y");
        assertThat(memory(Z).content()).isEqualTo("new z");

        assertThat(stdin(jsonl(X, "again", null, JAN, MAR)).run("import", "--on-conflict", "skip").succeeded().err())
                .contains("skipped 1");
    }

    @Test
    void onConflictReplaceOverwritesWhateverIsNewer() {
        existingXandY();

        assertThat(importConflicting("--on-conflict", "replace").succeeded().err())
                .contains("imported 1, replaced 2, skipped 0");
        assertThat(memory(X).content()).isEqualTo("newer x");
        assertThat(memory(Y).content()).isEqualTo("older y");
        assertThat(memory(Y).updatedAt()).isEqualTo(Instant.parse(JAN));
    }

    @Test
    void onConflictNewerKeepsWhicheverWasUpdatedLast() {
        existingXandY();

        assertThat(importConflicting("--on-conflict", "NEWER").succeeded().err())
                .contains("imported 1, replaced 1, skipped 1");
        assertThat(memory(X).content()).isEqualTo("newer x");
        assertThat(memory(X).updatedAt()).isEqualTo(Instant.parse(MAR));
        assertThat(memory(Y).content()).isEqualTo("old y");
    }

    @Test
    void onConflictFailImportsNothing() {
        existingXandY();
        String before = exported("default");

        Result result = importConflicting("--on-conflict", "fail").failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).contains(X, "line 1", "nothing was imported");
        assertThat(exported("default")).isEqualTo(before);
    }

    @Test
    void dryRunReportsButWritesNothing() {
        existingXandY();
        String before = exported("default");

        Result result = importConflicting("--dry-run", "--on-conflict", "replace").succeeded();

        assertThat(result.err()).contains("dry run", "imported 1, replaced 2, skipped 0");
        assertThat(exported("default")).isEqualTo(before);
    }

    @Test
    void dryRunIntoANewProfileLeavesNoProfileBehind() throws IOException {
        add("x");

        importing(jsonl(X, "x", null, JAN, JAN), "-p", "fresh", "-n").succeeded();

        assertThat(run("profile", "list", "-q").succeeded().lines()).containsExactly("default");
        try (Stream<Path> files = Files.list(home.resolve("profiles"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("fresh"));
        }
    }

    @Test
    void failedImportIntoANewProfileLeavesNoProfileBehind() {
        importing("[{\"content\":\"ok\"},{\"content\":7}]", "-p", "fresh").failedWith(ExitCodes.FAILURE);

        assertThat(profileFile("fresh")).doesNotExist();
        assertThat(run("profile", "list", "-q").succeeded().out()).doesNotContain("fresh");
    }

    // Malformed input: the error names where it is, and the profile is left exactly as it was.

    static Stream<Arguments> malformedInputs() {
        String valid = "{\"format\":\"gptmem-export\",\"version\":1,\"profile\":{\"name\":\"x\"},\"memories\":["
                + "{\"content\":\"first\"},\n{\"content\":\"second\",\"tags\":[\"a\"]}]}";
        return Stream.of(
                Arguments.of("truncated document", valid.substring(0, valid.length() - 20), "line 2"),
                Arguments.of("truncated array", "[{\"content\":\"ok\"},\n{\"content\":\"cut", "line 2"),
                Arguments.of("content of the wrong type", "[{\"content\":\"ok\"},\n{\"content\":5}]",
                        "record 2 (line 2): 'content' must be a string"),
                Arguments.of("pinned of the wrong type", "{\"content\":\"ok\"}\n{\"content\":\"x\",\"pinned\":\"yes\"}",
                        "line 2: 'pinned' must be true or false"),
                Arguments.of("tags of the wrong type", "{\"content\":\"x\",\"tags\":\"a,b\"}",
                        "line 1: 'tags' must be an array"),
                Arguments.of("memory that is not an object", "[{\"content\":\"ok\"}, \"text\"]",
                        "record 2 (line 1): a memory must be a JSON object"),
                Arguments.of("missing content", "[{\"content\":\"ok\"},\n{\"name\":\"no content\"}]",
                        "record 2 (line 2): missing 'content'"),
                Arguments.of("content of 100,001 characters", "{\"content\":\"ok\"}\n{\"content\":\""
                        + "x".repeat(100_001) + "\"}", "line 2: content is 100,001 characters"),
                Arguments.of("invalid tag", "{\"content\":\"x\",\"tags\":[\"two words\"]}", "line 1: invalid tag"),
                Arguments.of("unpaired surrogate escape", "{\"content\":\"ok\"}\n{\"content\":\"x \\ud800 y\"}",
                        "line 2: content holds an unpaired surrogate (\\ud800 at character 3)"),
                Arguments.of("invalid id", "{\"id\":\"not-a-uuid\",\"content\":\"x\"}", "line 1: invalid id"),
                Arguments.of("invalid timestamp", "{\"content\":\"x\",\"created_at\":\"yesterday\"}",
                        "line 1: 'created_at'"),
                Arguments.of("unknown format", "{\"format\":\"other-tool\",\"version\":1,\"memories\":[]}",
                        "line 1: unknown format"),
                Arguments.of("unsupported version",
                        "{\"format\":\"gptmem-export\",\n\"version\":2,\"memories\":[{\"content\":\"x\"}]}",
                        "line 2: unsupported export version 2"),
                Arguments.of("document without format", "{\"version\":1,\"memories\":[{\"content\":\"x\"}]}",
                        "'format' is missing"),
                Arguments.of("not JSON at all", "{content: hello}", "line 1"),
                Arguments.of("data after the array", "[{\"content\":\"x\"}]\n[]", "line 2: unexpected data"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInputs")
    void malformedInputFailsNamingWhereAndChangesNothing(String what, String input, String expected) {
        importing(jsonl(X, "existing", "keep", JAN, FEB)).succeeded();
        String before = exported("default");

        Result result = importing(input).failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).contains(expected).endsWith("nothing was imported");
        assertThat(exported("default")).isEqualTo(before);
    }

    @Test
    void aGzipCompressedExportImportsAsItsContent() throws IOException {
        add("-n", "Plan", "-t", "fitness", "Runs 5k");
        add("Prefers metric units");
        String export = exported("default");
        Path gz = home.resolve("backup.json.gz");
        Files.write(gz, BackupCommandTest.gzip(run("export").succeeded().out().getBytes(StandardCharsets.UTF_8)));

        run("-p", "file", "import", gz.toString()).succeeded();
        stdin(Files.readAllBytes(gz)).run("-p", "pipe", "import").succeeded();

        assertThat(memoriesPart(exported("file"))).isEqualTo(memoriesPart(export));
        assertThat(memoriesPart(exported("pipe"))).isEqualTo(memoriesPart(export));
    }

    @Test
    void exportToAFileNamedGzCompressesItAndImportReadsItBack() throws IOException {
        add("-n", "Plan", "-t", "fitness", "Runs 5k");
        add("Prefers metric units");
        Path gz = home.resolve("backup.json.gz");

        assertThat(run("export", "-o", gz.toString()).succeeded().err())
                .isEqualTo("exported 2 memories from profile 'default' to " + gz + "\n");

        byte[] bytes = Files.readAllBytes(gz);
        assertThat(bytes[0] & 0xff).isEqualTo(0x1f);
        assertThat(bytes[1] & 0xff).isEqualTo(0x8b);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            assertThat(memoriesPart(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
                    .isEqualTo(memoriesPart(exported("default")));
        }
        run("-p", "copy", "import", gz.toString()).succeeded();
        assertThat(memoriesPart(exported("copy"))).isEqualTo(memoriesPart(exported("default")));
    }

    @Test
    void aGzipFileCutShortIsReportedAsSuchAndNothingIsWritten() throws IOException {
        importing(jsonl(X, "existing", "keep", JAN, FEB)).succeeded();
        String before = exported("default");
        StringBuilder stream = new StringBuilder();
        for (int i = 1; i <= 5_000; i++) {
            stream.append("{\"content\":\"memory number ").append(i).append(" of a long stream\"}\n");
        }
        byte[] gz = BackupCommandTest.gzip(stream.toString().getBytes(StandardCharsets.UTF_8));

        Result result = stdin(Arrays.copyOf(gz, gz.length / 2)).run("import").failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).contains("the gzip-compressed input is damaged or cut short")
                .endsWith("nothing was imported");
        assertThat(exported("default")).isEqualTo(before);
    }

    @Test
    void badRecordAtLine50000OfAStreamIsReportedAndNothingIsWritten() {
        importing(jsonl(X, "existing", "keep", JAN, FEB)).succeeded();
        String before = exported("default");
        StringBuilder stream = new StringBuilder(1_000_000);
        for (int i = 1; i < 50_000; i++) {
            stream.append("{\"content\":\"m").append(i).append("\"}\n");
        }
        stream.append("{\"content\":\"m50000\",\"tags\":[1]}\n");
        for (int i = 50_001; i <= 50_010; i++) {
            stream.append("{\"content\":\"m").append(i).append("\"}\n");
        }

        Result result = importing(stream.toString()).failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).startsWith("line 50000: 'tags' must be an array of strings")
                .endsWith("nothing was imported");
        assertThat(exported("default")).isEqualTo(before);
    }
}
