package dev.gptmem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.cli.Cli;
import dev.gptmem.cli.CliContext;
import dev.gptmem.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What TAB offers, for each kind of word, on a real profile in a temporary home. */
class ShellCompleterTest {
    @TempDir
    Path home;

    @TempDir
    Path workingDir;

    private ShellCompleter completer;
    private String musicId;

    @BeforeEach
    void profileWithMemories() {
        musicId = run("add", "Likes Bach on Sundays", "-t", "music,weekend").strip();
        run("add", "Prefers metric units", "-t", "prefs");
        run("profile", "create", "trainer");
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        completer = new ShellCompleter(new Shell(context(), none, none), new FileCompleter(workingDir, home));
    }

    private CliContext context() {
        return new CliContext(Map.of("GPTMEM_HOME", home.toString()), new ByteArrayInputStream(new byte[0]),
                Terminal.PIPES);
    }

    private String run(String... args) {
        StringWriter out = new StringWriter();
        int code = Cli.create(context(), new PrintWriter(out), new PrintWriter(new StringWriter())).execute(args);
        assertThat(code).as("gptmem %s", String.join(" ", args)).isZero();
        return out.toString();
    }

    private List<Candidate> complete(String line) {
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, new ShellParser().parse(line, line.length(), ParseContext.COMPLETE), candidates);
        return candidates;
    }

    private static List<String> values(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void commandsAndShellWordsAtTheStart() {
        assertThat(values(complete("se"))).contains("search");
        assertThat(values(complete(""))).contains("add", "list", "profile", "use", "exit");
    }

    @Test
    void aLeadingGptmemIsLeftOutAsWhenTheLineRuns() {
        assertThat(values(complete("gptmem se"))).contains("search");
        assertThat(values(complete("gptmem list -t "))).containsExactly("music", "prefs", "weekend");
        assertThat(values(complete("gptmem use "))).contains("trainer");
    }

    @Test
    void optionsOfTheCommand() {
        assertThat(values(complete("list --js"))).contains("--json", "--jsonl");
        assertThat(values(complete("list -"))).contains("-t", "--pinned", "-p");
        assertThat(values(complete("list "))).as("options wait for a '-'").noneMatch(v -> v.startsWith("-"));
    }

    @Test
    void tagsAfterATagOption() {
        assertThat(values(complete("list -t "))).containsExactly("music", "prefs", "weekend");
        assertThat(values(complete("edit x --add-tag "))).contains("weekend");
    }

    @Test
    void profilesAfterUseAndDashP() {
        assertThat(values(complete("use "))).containsExactly("default", "trainer");
        assertThat(values(complete("list -p "))).containsExactly("default", "trainer");
    }

    @Test
    void memoryIdsWithTheirTextWhereACommandTakesIds() {
        List<Candidate> candidates = complete("show " + musicId.substring(0, 4));
        assertThat(values(candidates)).contains(musicId);
        Candidate music = candidates.stream().filter(c -> c.value().equals(musicId)).findFirst().orElseThrow();
        assertThat(music.descr()).isEqualTo("Likes Bach on Sundays");
        assertThat(music.displ()).isEqualTo(musicId.substring(0, 8));
        assertThat(complete("rm ").stream().filter(c -> c.descr() != null).map(Candidate::descr))
                .containsExactlyInAnyOrder("Likes Bach on Sundays", "Prefers metric units");
    }

    @Test
    void subcommandsAndTheProfileTheyNameAfterProfile() {
        assertThat(values(complete("profile "))).contains("create", "list", "rm", "rename", "use", "show");
        assertThat(values(complete("profile use "))).containsExactly("default", "trainer");
        assertThat(values(complete("profile rename tr"))).containsExactly("default", "trainer");
        assertThat(values(complete("profile create "))).doesNotContain("default", "trainer");
    }

    @Test
    void filesAfterImportAndOutputOptions() throws Exception {
        Files.writeString(workingDir.resolve("backup.json"), "[]");
        Files.createDirectories(workingDir.resolve("exports"));
        Files.writeString(workingDir.resolve("exports/may.jsonl"), "");
        Files.writeString(workingDir.resolve(".hidden"), "");

        assertThat(values(complete("import "))).containsExactlyInAnyOrder("backup.json", "exports/");
        assertThat(values(complete("import -n b"))).containsExactly("backup.json");
        assertThat(values(complete("import exports/"))).containsExactly("exports/may.jsonl");
        assertThat(values(complete("export -o "))).contains("backup.json", "exports/");
        assertThat(values(complete("import ."))).contains(".hidden");
        Candidate folder = complete("import ex").get(0);
        assertThat(folder.complete()).as("a folder leaves the word open").isFalse();
    }

    @Test
    void foldersAfterHomeAndTheProfileTheLineNames() throws Exception {
        Files.writeString(workingDir.resolve("backup.json"), "[]");
        Files.createDirectories(workingDir.resolve("exports"));
        run("-p", "trainer", "add", "Runs 5k", "-t", "fitness");

        assertThat(values(complete("--home "))).containsExactly("exports/");
        assertThat(values(complete("-p trainer list -t "))).containsExactly("fitness");
    }

    @Test
    void idsAfterAFlagAndNotAfterAnOptionsValue() {
        assertThat(complete("rm -y ").stream().filter(c -> c.descr() != null)).hasSize(2);
        assertThat(values(complete("list --sort "))).doesNotContain(musicId);
    }
}
