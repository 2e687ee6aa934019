package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** export --all and import --all: a whole home backed up into one document and restored from it. */
class BackupCommandTest extends CliTestBase {
    private static final String X = "0000000a-0000-4000-8000-000000000000";
    private static final List<String> PROFILES = List.of("coach", "default", "work");

    @BeforeEach
    void seed() {
        run("profile", "create", "coach", "-d", "Running coach").succeeded();
        add("-p", "coach", "-n", "Plan", "-s", "Weekly", "-r", "Why:\nbecause", "-t", "fitness,plans", "--pin",
                "Runs 5k\non Mon, Wed, Fri");
        add("-p", "coach", "Ünïcödé 😀 中文");
        add("Prefers metric units", "-t", "prefs");
        run("profile", "create", "work").succeeded();
    }

    /** Each profile's export document without the line that differs between any two exports. */
    private Map<String, String> exports() {
        Map<String, String> exports = new LinkedHashMap<>();
        for (String profile : run("profile", "list", "-q").succeeded().lines()) {
            exports.put(profile, run("-p", profile, "export").succeeded().out()
                    .replaceFirst("\"exported_at\": \"[^\"]+\",\n", ""));
        }
        return exports;
    }

    private Path backup() throws IOException {
        Path file = home.resolve("backup.json");
        assertThat(run("export", "--all", "-o", file.toString()).succeeded().err())
                .isEqualTo("exported 3 memories from 3 profiles to " + file + "\n");
        return file;
    }

    private void useHome(Path other) throws IOException {
        env.put("GPTMEM_HOME", Files.createDirectories(other).toString());
    }

    @Test
    void aBackupRestoredIntoAnEmptyHomeReproducesEveryProfile() throws IOException {
        Map<String, String> before = exports();
        assertThat(before.keySet()).containsExactlyElementsOf(PROFILES);
        Path file = backup();

        useHome(home.resolve("other"));
        Result restored = run("import", "--all", file.toString()).succeeded();

        assertThat(restored.errorLines()).containsExactly(
                "imported 2, replaced 0, skipped 0 (0 duplicates) into new profile 'coach'",
                "imported 1, replaced 0, skipped 0 (0 duplicates) into new profile 'default'",
                "imported 0, replaced 0, skipped 0 (0 duplicates) into new profile 'work'",
                "restored 3 profiles");
        assertThat(exports()).isEqualTo(before);
        assertThat(before.get("coach")).contains("\"description\": \"Running coach\"", "\"created_at\"");
    }

    @Test
    void aBackupPipesThroughStandardInput() {
        Map<String, String> before = exports();
        String backup = run("export", "--all").succeeded().out();
        assertThat(backup).contains("\"profiles\": [");

        env.put("GPTMEM_HOME", home.resolve("piped").toString());
        stdin(backup).run("import", "--all").succeeded();

        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void aGzipCompressedBackupRestoresFromAFileAndFromAPipe() throws IOException {
        Map<String, String> before = exports();
        Path gz = home.resolve("backup.json.gz");
        Files.write(gz, gzip(Files.readAllBytes(backup())));

        useHome(home.resolve("from-file"));
        run("import", "--all", gz.toString()).succeeded();
        assertThat(exports()).isEqualTo(before);

        useHome(home.resolve("from-pipe"));
        stdin(Files.readAllBytes(gz)).run("import", "--all").succeeded();
        assertThat(exports()).isEqualTo(before);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void restoringIntoTheSameHomeSkipsWhatIsThere() throws IOException {
        Map<String, String> before = exports();
        Result again = run("import", "--all", backup().toString()).succeeded();
        assertThat(again.err()).contains("imported 0, replaced 0, skipped 2 (0 duplicates) into profile 'coach'");
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void aMalformedBackupLeavesEveryProfileUnchanged() throws IOException {
        String good = Files.readString(backup(), StandardCharsets.UTF_8);
        run("-p", "work", "add", "written after the backup").succeeded();
        run("profile", "rm", "coach", "-y").succeeded();
        Map<String, String> before = exports();

        // The last profile's record is broken: the ones before it are already checked by then.
        String lastBroken = good.replace("\"profiles\": [", "\"profiles\": [{\"profile\": {\"name\": \"new\"},"
                + " \"memories\": [{\"content\": \"fine\"}]},")
                .replaceFirst("(?s)(.*)\"content\": \"Prefers metric units\"", "$1\"content\": 42");
        assertThat(stdin(lastBroken).run("import", "--all").failedWith(ExitCodes.FAILURE).error())
                .startsWith("profile 'default': record 1 (line ").contains("'content' must be a string")
                .endsWith("; nothing was imported");
        assertThat(exports()).isEqualTo(before);

        String truncated = good.substring(0, good.length() * 3 / 4);
        assertThat(stdin(truncated).run("import", "--all").failedWith(ExitCodes.FAILURE).error())
                .endsWith("; nothing was imported");
        String twice = good.replace("\"name\": \"work\"", "\"name\": \"coach\"");
        assertThat(stdin(twice).run("import", "--all").failedWith(ExitCodes.FAILURE).error())
                .isEqualTo("profile 'coach': it appears twice in the backup; nothing was imported");
        String badName = good.replace("\"name\": \"work\"", "\"name\": \"../work\"");
        assertThat(stdin(badName).run("import", "--all").failedWith(ExitCodes.FAILURE).error())
                .contains("invalid profile name '../work'");
        assertThat(exports()).isEqualTo(before);
        assertThat(run("profile", "list", "-q").succeeded().lines()).containsExactly("default", "work");
    }

    @Test
    void aConflictFoundWhileImportingStopsAtThatProfileAndSaysWhatWasRestored() {
        importing(CliTestBase.jsonl(X, "existing", null, "2026-01-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"),
                "-p", "work").succeeded();
        String backup = "{\"format\": \"gptmem-export\", \"version\": 1, \"profiles\": ["
                + "{\"profile\": {\"name\": \"alpha\"}, \"memories\": [{\"content\": \"a\"}]},"
                + "{\"profile\": {\"name\": \"work\"}, \"memories\": [{\"id\": \"" + X + "\", \"content\": \"b\"}]},"
                + "{\"profile\": {\"name\": \"zulu\"}, \"memories\": []}]}";

        String error = stdin(backup).run("import", "--all", "--on-conflict", "fail").failedWith(ExitCodes.FAILURE)
                .error();

        assertThat(error).startsWith("profile 'work': ").contains("already exists", "nothing was imported",
                "restored before it: 'alpha'");
        assertThat(contentsOf("alpha")).containsExactly("a");
        assertThat(contentsOf("work")).containsExactly("existing");
        assertThat(profileFile("zulu")).doesNotExist();
    }

    private List<String> contentsOf(String profile) {
        return memories(profile).stream().map(m -> m.content()).toList();
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        Path file = backup();
        useHome(home.resolve("dry"));
        Result dry = run("import", "--all", "--dry-run", file.toString()).succeeded();
        assertThat(dry.err()).contains(
                "would have imported 2, replaced 0, skipped 0 (0 duplicates) into new profile 'coach'",
                "would have restored 3 profiles");
        assertThat(home.resolve("dry").resolve("profiles").resolve("coach.mv.db")).doesNotExist();
    }

    @Test
    void mixingUpTheTwoKindsOfDocumentIsAUsageErrorWithAHint() throws IOException {
        String single = run("-p", "coach", "export").succeeded().out();
        String all = Files.readString(backup(), StandardCharsets.UTF_8);
        Map<String, String> before = exports();

        assertThat(stdin(single).run("import", "--all").failedWith(ExitCodes.USAGE).error())
                .contains("an export of one profile", "without --all");
        assertThat(stdin(all).run("-p", "coach", "import").failedWith(ExitCodes.USAGE).error())
                .contains("a backup of every profile", "gptmem import --all");
        assertThat(stdin("{\"content\": \"x\"}\n").run("import", "--all").failedWith(ExitCodes.USAGE).error())
                .contains("not a backup of every profile");
        assertThat(run("export", "--all", "--format", "csv").failedWith(ExitCodes.USAGE).error())
                .contains("--all writes one json document");
        assertThat(run("-p", "coach", "export", "--all").failedWith(ExitCodes.USAGE).error()).contains("leave out -p");
        assertThat(stdin(all).run("-p", "coach", "import", "--all").failedWith(ExitCodes.USAGE).error())
                .contains("leave out -p");
        run("import", "--all", home.resolve("missing.json").toString()).failedWith(ExitCodes.NOT_FOUND);
        assertThat(exports()).isEqualTo(before);
    }

    @Test
    void filtersApplyToEveryProfileOfABackup() {
        String pinned = run("export", "--all", "--pinned").succeeded().out();
        assertThat(pinned).contains("\"name\": \"coach\"", "\"name\": \"work\"", "Runs 5k")
                .doesNotContain("Prefers metric units", "Ünïcödé");
    }

    @Test
    void progressShowsOneLinePerProfileOnATerminal() {
        env.put("GPTMEM_PROGRESS_DELAY", "0");
        terminal(Terminal.fixed(false, false, true, 80));
        Result drawn = run("export", "--all").succeeded();
        assertThat(drawn.err()).contains("\rexporting coach  [", "\rexporting default  [", "\rexporting work  ")
                .doesNotContain("\u001b[");
        assertThat(drawn.out()).doesNotContain("exporting");
    }
}
