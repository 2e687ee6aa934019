package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What shell scripts rely on: data alone on stdout, stable exit codes, one-line errors, safe defaults. */
class ScriptContractIT extends E2eTest {

    @BeforeEach
    void profileWithMemories() {
        Result seed = gptmem.call("import", "-").stdin(RoundTripIT.FIXTURE).run();
        assertThat(seed.exitCode()).as("%s", seed).isZero();
    }

    @Test
    void stdoutCarriesDataAndMessagesGoToStderr() {
        Result add = gptmem.run("add", "Prefers window seats");
        assertThat(add.exitCode()).as("%s", add).isZero();
        assertThat(add.stdout()).matches(RoundTripIT.UUID_V4 + "\\R");

        Result imported = gptmem.call("-p", "other", "import", "-").stdin("[{\"content\": \"imported\"}]").run();
        assertThat(imported.exitCode()).as("%s", imported).isZero();
        assertThat(imported.stdout()).as("import prints no data").isEmpty();
        assertThat(imported.stderr()).as("import reports on stderr").isNotBlank();

        Result export = gptmem.run("export");
        assertThat(export.exitCode()).as("%s", export).isZero();
        assertThat(JsonTree.object(export.stdout())).as("stdout is exactly one JSON document")
                .containsEntry("format", "gptmem-export");
        assertThat(export.stderr()).as("export reports on stderr").isNotBlank();

        Result lines = gptmem.run("export", "--format", "jsonl");
        assertThat(lines.exitCode()).as("%s", lines).isZero();
        assertThat(JsonTree.lines(lines.stdout())).as("every stdout line is a memory").hasSize(4)
                .allSatisfy(m -> assertThat(m).containsKeys("id", "content"));
    }

    @Test
    void outputWhoseReaderWentAwayEndsQuietlyAsABrokenPipe() {
        // Far more than a pipe holds, so writing must meet the closed end.
        importMany(3000);

        for (String[] command : List.of(new String[] {"-p", "many", "list", "--jsonl"},
                new String[] {"-p", "many", "export"}, new String[] {"-p", "many", "list"})) {
            Result result = gptmem.call(command).stdoutReaderGone().run();
            assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.BROKEN_PIPE);
            assertThat(result.stderr()).as("gptmem %s", List.of(command)).isEmpty();
        }
    }

    /** Imports {@code count} memories of some 70 bytes each into profile 'many'. */
    private void importMany(int count) {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < count; i++) {
            many.append("{\"content\": \"memory ").append(i).append(" of many, long enough to fill a pipe quickly\"}\n");
        }
        Result imported = gptmem.call("-p", "many", "import", "-").stdin(many.toString()).run();
        assertThat(imported.exitCode()).as("%s", imported).isZero();
    }

    @Test
    void outputThatCannotBeWrittenFailsTheCommand() {
        for (String[] command : List.of(new String[] {"list"}, new String[] {"list", "--json"},
                new String[] {"show", "--json", RoundTripIT.UNITS}, new String[] {"export"})) {
            Result result = gptmem.call(command).stdoutClosed().run();
            assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.stderr()).as("gptmem %s", List.of(command))
                    .startsWith("gptmem: cannot write to standard output: ").doesNotContain("exported").hasLineCount(1);
        }
    }

    @Test
    void anExportFileThatCannotBeWrittenIsNamedAndNoPartOfItIsLeft() {
        importMany(200);
        Path file = files.resolve("backup.json");

        for (String[] command : List.of(new String[] {"-p", "many", "export", "-o", file.toString()},
                new String[] {"-p", "many", "export", "--format", "md", "-o", file.toString()},
                new String[] {"export", "--all", "-o", file.toString()})) {
            // The disk is full once the file reaches 2 to 4 KB; the export is some 20 KB.
            Result result = gptmem.call(command).fileSizeLimit(4).run();

            assertThat(result.exitCode()).as("%s", result).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.errorLine()).isEqualTo("gptmem: cannot write " + file + ": file too large");
            assertThat(files.resolve(".backup.json.partial")).doesNotExist();
            assertThat(file).doesNotExist();
        }
    }

    @Test
    void exportPipedIntoImportCopiesTheProfile() {
        List<Result> pipeline = GptmemProcess.pipe(gptmem.call("export"), gptmem.call("-p", "copy", "import"));
        assertThat(pipeline.get(0).exitCode()).as("export: %s", pipeline.get(0)).isZero();
        assertThat(pipeline.get(1).exitCode()).as("import: %s", pipeline.get(1)).isZero();
        assertThat(pipeline.get(1).stdout()).isEmpty();

        assertThat(memories("copy")).isEqualTo(memories("default")).hasSize(3);
    }

    record Failure(String name, List<String> args, String stdin, int exitCode) {
        @Override
        public String toString() {
            return name + " → " + exitCode;
        }
    }

    static Stream<Failure> failures() {
        return Stream.of(
                new Failure("unknown command", List.of("frobnicate"), "", 2),
                new Failure("unknown option", List.of("list", "--frobnicate"), "", 2),
                new Failure("bad option value", List.of("list", "--limit", "many"), "", 2),
                new Failure("missing argument", List.of("show"), "", 2),
                new Failure("unknown id (show)", List.of("show", "0000dead"), "", 3),
                new Failure("unknown id (edit)", List.of("edit", "0000dead", "-n", "x"), "", 3),
                new Failure("unknown id (rm)", List.of("rm", "0000dead"), "", 3),
                new Failure("unknown profile", List.of("list", "-p", "nosuch"), "", 3),
                new Failure("bad import", List.of("import", "-"), "{not json at all", 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void failuresExitWithTheirCodeAndOneLineOnStderr(Failure failure) {
        Result result = gptmem.call(failure.args().toArray(String[]::new)).stdin(failure.stdin()).run();

        assertThat(result.exitCode()).as("%s", result).isEqualTo(failure.exitCode());
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).doesNotContain("\tat ", "Exception");
        result.errorLine();
    }

    @Test
    void stackTracesOnlyWithDebug() throws IOException {
        Files.write(home.resolve("profiles").resolve("broken.mv.db"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

        Result plain = gptmem.run("-p", "broken", "list");
        assertThat(plain.exitCode()).as("%s", plain).isEqualTo(1);
        assertThat(plain.errorLine()).contains("broken");
        assertThat(plain.stderr()).doesNotContain("\tat ");

        Result debug = gptmem.run("--debug", "-p", "broken", "list");
        assertThat(debug.exitCode()).as("%s", debug).isEqualTo(1);
        assertThat(debug.stderr()).as("--debug shows the stack trace").contains("\tat ");
    }

    @Test
    void versionIsTheOneInTheJar() throws IOException {
        String version;
        try (JarFile jar = new JarFile(GptmemProcess.jar().toFile())) {
            version = jar.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
        assertThat(version).isNotBlank();

        Result result = gptmem.run("--version");
        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdoutLines()).first().asString().contains("gptmem").contains(version);
    }

    @Test
    void removingSeveralMemoriesWithoutTerminalNeedsYes() {
        List<String> ids = ids();

        for (List<String> args : List.of(List.of("rm", "--all"), List.of("rm", "1a2b3c", "7e8f"),
                List.of("rm", RoundTripIT.UNITS, RoundTripIT.RUNS))) {
            Result rm = gptmem.run(args.toArray(String[]::new));
            assertThat(rm.exitCode()).as("%s: %s", args, rm).isNotZero();
            assertThat(rm.errorLine()).as("%s", args).contains("-y");
            assertThat(ids()).as("memories after %s", args).isEqualTo(ids);
        }

        Result one = gptmem.run("rm", "7e8f");
        assertThat(one.exitCode()).as("a single memory needs no confirmation: %s", one).isZero();
        Result all = gptmem.run("rm", "--all", "-y");
        assertThat(all.exitCode()).as("%s", all).isZero();
        assertThat(ids()).isEmpty();
    }

    @Test
    void filesUnderTheHomeAreReadableByTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path fresh = files.resolve("gptmem-home");
        GptmemProcess inFresh = new GptmemProcess(fresh);
        for (String[] args : List.of(new String[] {"add", "a private memory"},
                new String[] {"profile", "create", "second"},
                new String[] {"profile", "use", "second"})) {
            Result result = inFresh.run(args);
            assertThat(result.exitCode()).as("%s", result).isZero();
        }
        Result imported = inFresh.call("import", "-").stdin(RoundTripIT.FIXTURE).run();
        assertThat(imported.exitCode()).as("%s", imported).isZero();

        assertThat(permissions(fresh.resolve("profiles"))).isEqualTo("rwx------");
        assertThat(permissions(fresh.resolve("profiles").resolve("default.mv.db"))).isEqualTo("rw-------");
        try (Stream<Path> tree = Files.walk(fresh)) {
            assertThat(tree.toList()).allSatisfy(path -> assertThat(permissions(path)).as("%s", path)
                    .isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------"));
        }
    }

    private static String permissions(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (IOException e) {
            throw new AssertionError("cannot read permissions of " + path, e);
        }
    }

    private List<String> ids() {
        Result list = gptmem.run("list", "-q");
        assertThat(list.exitCode()).as("%s", list).isZero();
        return list.stdoutLines();
    }

    private List<Map<String, Object>> memories(String profile) {
        Result export = gptmem.run("-p", profile, "export", "--format", "jsonl");
        assertThat(export.exitCode()).as("%s", export).isZero();
        return JsonTree.lines(export.stdout());
    }
}
