package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
