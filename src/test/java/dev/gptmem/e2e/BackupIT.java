package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole home backed up with export --all and restored with import --all into an empty one. */
class BackupIT extends E2eTest {

    @TempDir
    Path emptyHome;

    private static void ok(Result result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    /** Every profile's export, the line that differs between any two exports left out. */
    private static Map<String, String> exports(GptmemProcess gptmem) {
        Result names = gptmem.run("profile", "list", "-q");
        ok(names);
        Map<String, String> exports = new LinkedHashMap<>();
        for (String profile : names.stdoutLines()) {
            Result export = gptmem.run("-p", profile, "export");
            ok(export);
            exports.put(profile, export.stdout().replaceFirst("\"exported_at\": \"[^\"]+\",\n", ""));
        }
        return exports;
    }

    @Test
    void everyProfileComesBackByteForByte() throws IOException {
        ok(gptmem.run("profile", "create", "trainer", "--description", "Running coach GPT"));
        ok(gptmem.call("-p", "trainer", "import", "-").stdin(RoundTripIT.FIXTURE).run());
        ok(gptmem.run("-p", "trainer", "edit", RoundTripIT.ALLERGY.substring(0, 6), "--add-tag", "edited"));
        ok(gptmem.run("profile", "create", "writer", "--description", "Ünïcödé \"quoted\"\nover two lines"));
        ok(gptmem.run("-p", "writer", "add", "-n", "Style", "-r", "asked", "--pin", "Short sentences.\n# Not a heading"));
        ok(gptmem.run("add", "Prefers metric units", "-t", "prefs"));
        ok(gptmem.run("profile", "create", "empty"));
        Map<String, String> before = exports(gptmem);
        assertThat(before.keySet()).containsExactly("default", "empty", "trainer", "writer");

        Path backup = files.resolve("backup.json");
        Result exported = gptmem.run("export", "--all", "-o", backup.toString());
        ok(exported);
        assertThat(exported.stdout()).isEmpty();
        assertThat(exported.stderr()).isEqualTo("exported 5 memories from 4 profiles to " + backup + "\n");

        GptmemProcess restored = new GptmemProcess(emptyHome);
        Result imported = restored.run("import", "--all", backup.toString());
        ok(imported);
        assertThat(imported.stderrLines()).last().isEqualTo("restored 4 profiles");

        assertThat(exports(restored)).isEqualTo(before);
        assertThat(Files.readString(backup, StandardCharsets.UTF_8)).contains("\"profiles\": [");
    }

    @Test
    void aBackupPipedIntoAnotherHomeRestoresIt() {
        ok(gptmem.run("profile", "create", "a"));
        ok(gptmem.run("-p", "a", "add", "in a"));
        ok(gptmem.run("profile", "create", "b"));
        ok(gptmem.run("-p", "b", "add", "in b"));
        Map<String, String> before = exports(gptmem);

        GptmemProcess restored = new GptmemProcess(emptyHome);
        List<Result> piped = GptmemProcess.pipe(gptmem.call("export", "--all"), restored.call("import", "--all"));

        piped.forEach(BackupIT::ok);
        assertThat(exports(restored)).isEqualTo(before);
    }

    @Test
    void aMalformedBackupChangesNoProfile() throws IOException {
        ok(gptmem.run("profile", "create", "a"));
        ok(gptmem.run("-p", "a", "add", "in a"));
        Path backup = files.resolve("backup.json");
        ok(gptmem.run("export", "--all", "-o", backup.toString()));
        String text = Files.readString(backup, StandardCharsets.UTF_8);
        ok(gptmem.run("-p", "a", "add", "added later"));
        Map<String, String> before = exports(gptmem);

        Files.writeString(backup, text.replace("\"name\": \"a\"", "\"name\": \"a\"},{\"nope\": 1"),
                StandardCharsets.UTF_8);
        Result broken = gptmem.run("import", "--all", "--on-conflict", "replace", backup.toString());

        assertThat(broken.exitCode()).as("%s", broken).isEqualTo(1);
        assertThat(broken.errorLine()).endsWith("nothing was imported");
        assertThat(exports(gptmem)).isEqualTo(before);
    }

    /**
     * A backup that changed what it backs up would make every incremental backup of the home copy
     * the profiles again, and a file watcher fire; so commands that only read write nothing.
     */
    @Test
    void backupsAndOtherReadsLeaveEveryProfileFileAsItWas() throws IOException {
        ok(gptmem.run("profile", "create", "trainer"));
        ok(gptmem.run("-p", "trainer", "add", "Runs on Tuesdays", "-t", "sport"));
        ok(gptmem.run("add", "Prefers metric units", "-t", "prefs"));
        Path profiles = home.resolve("profiles");
        ageFiles(profiles);
        Map<Path, String> before = fileStates(profiles);
        String id = gptmem.run("list", "-q").stdoutLines().get(0);

        for (List<String> command : List.of(List.of("export", "--all", "-o", files.resolve("b.json").toString()),
                List.of("-p", "trainer", "export"), List.of("list"), List.of("list", "--json", "-t", "prefs"),
                List.of("show", id.substring(0, 6)), List.of("profile", "list"), List.of("profile", "show", "trainer"))) {
            ok(gptmem.run(command.toArray(new String[0])));
        }

        assertThat(fileStates(profiles)).isEqualTo(before);
    }

    /** Sets every profile file's modification time far back, so that any write moves it. */
    private static void ageFiles(Path dir) throws IOException {
        for (Path file : profileFiles(dir)) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        }
    }

    /** Each profile file's content hash and modification time. */
    private static Map<Path, String> fileStates(Path dir) throws IOException {
        Map<Path, String> states = new LinkedHashMap<>();
        for (Path file : profileFiles(dir)) {
            try {
                byte[] hash = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
                states.put(file.getFileName(), HexFormat.of().formatHex(hash) + " " + Files.getLastModifiedTime(file));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return states;
    }

    private static List<Path> profileFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".mv.db")).sorted().toList();
        }
    }

    @Test
    void commandsLoadNoProgressLineOrFormatTheyDoNotShow() throws IOException {
        ok(gptmem.run("add", "a memory"));
        Path backup = files.resolve("backup.json");
        ok(gptmem.run("export", "-o", backup.toString()));
        for (List<String> command : List.of(List.of("export"), List.of("export", "--all"),
                List.of("-p", "copy", "import", backup.toString()), List.of("list"))) {
            Path log = files.resolve("classes-" + String.join("-", command).replace('/', '_') + ".log");
            Result result = gptmem.call(command.toArray(new String[0]))
                    .jvmOptions("-XX:+UseSerialGC", "-Xlog:class+load=info:file=" + log).run();
            ok(result);
            String loaded = Files.readString(log);
            assertThat(loaded).as("classes loaded by %s", command).contains("dev.gptmem.cli.")
                    .doesNotContain("dev.gptmem.cli.ProgressBar", "dev.gptmem.io.MarkdownMemoryWriter",
                            "dev.gptmem.io.CsvMemoryWriter");
        }
    }
}
