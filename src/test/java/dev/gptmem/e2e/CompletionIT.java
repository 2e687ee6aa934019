package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * completions/gptmem.bash in bash, against the packaged jar behind a {@code gptmem} command on the
 * PATH: the completion function is called with the words bash itself would hand it, and what it
 * leaves in COMPREPLY is what TAB would offer.
 */
class CompletionIT extends E2eTest {
    private Path bin;
    private String bachId;

    @BeforeEach
    void programOnThePathAndAProfile() throws IOException {
        bin = Files.createDirectories(files.resolve("bin"));
        Path launcher = bin.resolve("gptmem");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar '" + GptmemProcess.jar() + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        bachId = gptmem.run("add", "Likes Bach on Sundays", "-t", "music,weekend").stdout().strip();
        gptmem.run("add", "Prefers metric units", "-t", "prefs");
        gptmem.run("profile", "create", "trainer");
        gptmem.run("-p", "trainer", "add", "Runs 5k", "-t", "fitness");
    }

    @Test
    void commandsOptionsAndSubcommands() throws Exception {
        assertThat(complete("gptmem ", "gptmem", "")).contains("add", "list", "profile", "shell")
                .doesNotContain("__complete");
        assertThat(complete("gptmem se", "gptmem", "se")).containsExactly("search");
        assertThat(complete("gptmem list --js", "gptmem", "list", "--js")).containsExactly("--json", "--jsonl");
        assertThat(complete("gptmem profile r", "gptmem", "profile", "r")).containsExactly("reindex", "rename", "rm");
    }

    @Test
    void profilesTagsAndIdsOfTheProfileTheLineNames() throws Exception {
        assertThat(complete("gptmem list -t ", "gptmem", "list", "-t", "")).containsExactly("music", "prefs", "weekend");
        assertThat(complete("gptmem -p trainer list -t ", "gptmem", "-p", "trainer", "list", "-t", ""))
                .containsExactly("fitness");
        assertThat(complete("gptmem profile use ", "gptmem", "profile", "use", "")).containsExactly("default", "trainer");
        String typed = bachId.substring(0, 6);
        assertThat(complete("gptmem show " + typed, "gptmem", "show", typed)).containsExactly(bachId);
    }

    @Test
    void anOptionAndItsValueJoinedByEqualsAsBashSplitsThem() throws Exception {
        assertThat(complete("gptmem --profile=", "gptmem", "--profile", "=")).containsExactly("default", "trainer");
        assertThat(complete("gptmem --profile=tr", "gptmem", "--profile", "=", "tr")).containsExactly("trainer");
    }

    @Test
    void descriptionsBesideSeveralCandidatesButNotBesideOne() throws Exception {
        List<String> listed = complete(63, "gptmem show ", "gptmem", "show", "");
        assertThat(listed).hasSize(2).anySatisfy(entry -> assertThat(entry)
                .startsWith(bachId + "  (Likes Bach on Sundays)"));
        assertThat(complete(9, "gptmem ad", "gptmem", "ad")).containsExactly("add");
    }

    @Test
    void fileAndFolderNamesAreLeftToReadline() throws Exception {
        assertThat(complete("gptmem import ", "gptmem", "import", "")).containsExactly("compopt -o default");
        assertThat(complete("gptmem export -o ", "gptmem", "export", "-o", "")).containsExactly("compopt -o default");
        assertThat(complete("gptmem --home ", "gptmem", "--home", "")).containsExactly("compopt -o dirnames");
    }

    @Test
    void quietAndHarmlessOnAnyLine() throws Exception {
        Path fresh = files.resolve("fresh-home");
        Result bad = gptmem.call("__complete", "-p", "../x", "list", "-t", "").run();
        assertThat(bad.exitCode()).isZero();
        assertThat(bad.stdout()).isEqualTo("words\n");
        assertThat(bad.stderr()).isEmpty();

        Result none = gptmem.call("__complete", "show", "").env("GPTMEM_HOME", fresh.toString()).run();
        assertThat(none.exitCode()).isZero();
        assertThat(none.stdout()).isEqualTo("words\n");
        assertThat(none.stderr()).isEmpty();
        assertThat(fresh).as("completing creates no home").doesNotExist();
    }

    private List<String> complete(String line, String... words) throws Exception {
        // 37 is menu completion: the values alone, as they would go on the line.
        return complete(37, line, words);
    }

    /**
     * Runs the completion function for {@code line} (the text up to the cursor) split into
     * {@code words} as bash splits it; returns COMPREPLY, and what was asked of compopt, which only
     * works while bash itself is completing.
     */
    private List<String> complete(int type, String line, String... words) throws Exception {
        String script = "source " + quote(Path.of("completions/gptmem.bash").toAbsolutePath().toString()) + "\n"
                + "compopt() { printf 'compopt %s\\n' \"$*\"; }\n"
                + "COMP_LINE=" + quote(line) + "; COMP_POINT=${#COMP_LINE}; COMP_TYPE=" + type + "; COLUMNS=200\n"
                + "COMP_WORDS=(" + Stream.of(words).map(CompletionIT::quote).collect(Collectors.joining(" ")) + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "_gptmem\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", script);
        pb.environment().keySet().removeIf(k -> k.startsWith("GPTMEM_") || k.equals("XDG_DATA_HOME"));
        pb.environment().put("GPTMEM_HOME", home.toString());
        pb.environment().put("HOME", files.toString());
        pb.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Path stderr = Files.createTempFile(files, "stderr", ".txt");
        pb.redirectError(stderr.toFile());
        Process bash = pb.start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as("bash completing '%s'", line).isZero();
        assertThat(Files.readString(stderr)).as("what completing '%s' shows on the terminal", line).isEmpty();
        return out.lines().filter(s -> !s.isEmpty()).toList();
    }

    private static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
