package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.Main;
import dev.gptmem.cli.Completion.Candidate;
import dev.gptmem.cli.Completion.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;

/** What completion offers after each kind of word, read from the model and from a real home. */
class CompletionTest extends CliTestBase {
    private String bachId;
    private String unitsId;

    @BeforeEach
    void profilesWithMemories() {
        bachId = add("Likes Bach on Sundays", "-t", "music,weekend");
        unitsId = add("-n", "Units", "-s", "Prefers metric units", "Uses km and kg", "-t", "prefs");
        run("profile", "create", "trainer").succeeded();
        run("-p", "trainer", "add", "Runs 5k", "-t", "fitness").succeeded();
    }

    private CommandSpec root() {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        return Cli.createWith(new CliContext(env, new ByteArrayInputStream(new byte[0]), Terminal.PIPES), none, none,
                Main.PROGRAM_COMMANDS).getCommandSpec();
    }

    private Completion.Result complete(String... words) {
        return new Completion(root(), env).complete(List.of(words));
    }

    private List<String> values(String... words) {
        Completion.Result result = complete(words);
        assertThat(result.kind()).as("kind of %s", List.of(words)).isEqualTo(Kind.WORDS);
        return result.candidates().stream().map(Candidate::value).toList();
    }

    private String description(String value, String... words) {
        return complete(words).candidates().stream().filter(c -> c.value().equals(value)).findFirst()
                .map(Candidate::description).orElseThrow(() -> new AssertionError(value + " not offered"));
    }

    @Test
    void commandsWithTheirHeadersAndNoAliases() {
        assertThat(values("")).contains("add", "list", "show", "edit", "rm", "search", "export", "import", "profile")
                .doesNotContain("ls").noneMatch(v -> v.startsWith("-"));
        assertThat(description("add", "")).isEqualTo("Add a memory and print its id.");
    }

    @Test
    void helpCompletesCommandsAndThenTheirOwn() {
        assertThat(values("help", "")).contains("add", "profile", "help").doesNotContain("ls");
        assertThat(values("help", "profile", "")).containsExactly("create", "edit", "list", "reindex", "rename", "rm",
                "show", "use");
        assertThat(values("help", "profile", "create", "")).isEmpty();
        assertThat(values("help", "nope", "")).isEmpty();
    }

    @Test
    void optionsOnceADashIsTyped() {
        assertThat(values("list", "-")).contains("-t", "--tag", "--pinned", "--no-pinned", "--sort", "-p", "--profile",
                "--home", "--json", "-q");
        assertThat(values("-")).contains("-p", "--home", "--debug", "--help", "--version");
        assertThat(description("--json", "list", "-")).isEqualTo("Print one JSON value (an array).");
        assertThat(values("list", "")).isEmpty();
    }

    @Test
    void anOptionGivenOnceIsNotOfferedAgainNorThoseItExcludes() {
        assertThat(values("list", "--json", "-")).doesNotContain("--json", "--jsonl", "-q").contains("--pinned");
        assertThat(values("list", "-t", "music", "-")).as("-t repeats").contains("-t");
        assertThat(values("list", "--sort", "name", "-")).doesNotContain("--sort");
    }

    @Test
    void subcommandsAndWhatTheyTake() {
        assertThat(values("profile", "")).containsExactlyInAnyOrder("list", "show", "create", "edit", "rm", "rename",
                "reindex", "use");
        assertThat(values("profile", "edit", "")).containsExactly("default", "trainer");
        assertThat(values("profile", "use", "")).containsExactly("default", "trainer");
        assertThat(values("profile", "rename", "tr")).containsExactly("default", "trainer");
        assertThat(values("profile", "rename", "trainer", "")).isEmpty();
        assertThat(values("profile", "create", "")).isEmpty();
    }

    @Test
    void fixedValuesInTheCaseTheHelpShows() {
        assertThat(values("list", "--sort", "")).containsExactly("created", "updated", "name");
        assertThat(values("import", "--on-conflict", "")).containsExactly("skip", "replace", "newer", "fail");
        assertThat(values("export", "--format=")).containsExactly("--format=json", "--format=jsonl", "--format=md",
                "--format=csv");
    }

    @Test
    void profilesAfterDashP() {
        assertThat(values("-p", "")).containsExactly("default", "trainer");
        assertThat(values("list", "--profile", "")).containsExactly("default", "trainer");
        assertThat(values("--profile=")).containsExactly("--profile=default", "--profile=trainer");
    }

    @Test
    void tagsOfTheProfileTheLineChooses() {
        assertThat(values("list", "-t", "")).containsExactly("music", "prefs", "weekend");
        assertThat(values("-p", "trainer", "list", "-t", "")).containsExactly("fitness");
        assertThat(values("list", "--profile=trainer", "-t", "")).containsExactly("fitness");
        assertThat(values("edit", "x", "--add-tag", "")).contains("weekend");
        env.put("GPTMEM_PROFILE", "trainer");
        assertThat(values("rm", "-t", "")).containsExactly("fitness");
    }

    @Test
    void valuesGivenAlreadyAreNotOfferedAgain() {
        assertThat(values("list", "-t", "music", "--tag", "")).containsExactly("prefs", "weekend");
        assertThat(values("list", "--tag=music,prefs", "-t", "")).containsExactly("weekend");
        assertThat(values("edit", "x", "-t", "music", "--add-tag", "")).contains("music");
    }

    @Test
    void tagsAfterACommaKeepWhatCameBefore() {
        assertThat(values("add", "-t", "music,")).containsExactly("music,prefs", "music,weekend");
        assertThat(values("list", "--tag=prefs,w")).contains("--tag=prefs,weekend").doesNotContain("--tag=prefs,prefs");
    }

    @Test
    void idsWithTheMemorysOneLine() {
        assertThat(values("show", bachId.substring(0, 4))).contains(bachId);
        assertThat(description(bachId, "show", "")).isEqualTo("Likes Bach on Sundays");
        assertThat(description(unitsId, "rm", "-y", "")).isEqualTo("Units: Prefers metric units");
        assertThat(values("show", bachId, "")).as("show takes more ids").containsExactly(unitsId);
        assertThat(values("-p", "trainer", "edit", "")).hasSize(1).doesNotContain(bachId, unitsId);
        assertThat(values("edit", bachId, "")).as("edit takes one id").isEmpty();
    }

    @Test
    void manyIdsAreOfferedSoThatWhatTheyShareIsWhatEveryMatchShares() {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            records.append(String.format("{\"id\":\"aaaa%04d-0000-4000-8000-000000000000\",\"content\":\"m%d\"}%n",
                    i, i));
        }
        records.append("{\"id\":\"bbbb0000-0000-4000-8000-000000000000\",\"content\":\"last\"}\n");
        importing(records.toString(), "-p", "many").succeeded();

        // The first 50 in order all start "aaaa00"; shown alone, a shell would complete that far.
        List<String> all = values("-p", "many", "show", "");
        assertThat(all).hasSize(50).contains("aaaa0000-0000-4000-8000-000000000000")
                .endsWith("bbbb0000-0000-4000-8000-000000000000");
        assertThat(commonStart(all)).isEmpty();

        List<String> typed = values("-p", "many", "show", "aaaa");
        assertThat(typed).hasSize(50).endsWith("aaaa0059-0000-4000-8000-000000000000");
        assertThat(commonStart(typed)).isEqualTo("aaaa00");
        assertThat(values("-p", "many", "show", "aaaa004")).hasSize(10);
    }

    private static String commonStart(List<String> values) {
        String common = values.get(0);
        for (String value : values) {
            int n = 0;
            while (n < common.length() && n < value.length() && common.charAt(n) == value.charAt(n)) {
                n++;
            }
            common = common.substring(0, n);
        }
        return common;
    }

    @Test
    void theHomeTheLineChooses() throws IOException {
        Path other = Files.createDirectories(home.resolve("other"));
        env.put("GPTMEM_HOME", other.toString());
        run("profile", "create", "elsewhere").succeeded();
        env.put("GPTMEM_HOME", home.toString());

        assertThat(values("--home", other.toString(), "-p", "")).containsExactly("elsewhere");
        assertThat(values("--home=" + other, "list", "-t", "")).isEmpty();
    }

    @Test
    void fileAndFolderNamesAreLeftToTheCaller() {
        assertThat(complete("import", "").kind()).isEqualTo(Kind.FILES);
        assertThat(complete("import", "-n", "b").kind()).isEqualTo(Kind.FILES);
        assertThat(complete("export", "-o", "").kind()).isEqualTo(Kind.FILES);
        assertThat(complete("export", "--output=x").kind()).isEqualTo(Kind.FILES);
        assertThat(complete("--home", "").kind()).isEqualTo(Kind.DIRECTORIES);
        assertThat(complete("import", "f.json", "").candidates()).isEmpty();
    }

    @Test
    void completingCreatesNothing() throws IOException {
        Path fresh = home.resolve("fresh");
        env.put("GPTMEM_HOME", fresh.toString());

        assertThat(values("list", "-t", "")).isEmpty();
        assertThat(values("show", "")).isEmpty();
        assertThat(values("-p", "")).isEmpty();
        assertThat(fresh).doesNotExist();

        env.put("GPTMEM_HOME", home.toString());
        run("profile", "use", "trainer").succeeded();
        Files.delete(profileFile("default"));
        assertThat(values("-p", "default", "list", "-t", "")).isEmpty();
        assertThat(profileFile("default")).doesNotExist();
    }

    @Test
    void printsAKindLineThenTheCandidatesThatStartAsTyped() {
        assertThat(print("profile", "r")).isEqualTo("words\n"
                + "reindex\tRebuild a profile's search index from its memories.\n"
                + "rename\tRename a profile.\n"
                + "rm\tDelete a profile and all its memories.\n");
        assertThat(print("list", "-t", "w")).isEqualTo("words\nweekend\n");
        assertThat(print("import", "")).isEqualTo("files\n");
        assertThat(print("--home", "/t")).isEqualTo("dirs\n");
        assertThat(print()).startsWith("words\nadd\t");
    }

    @Test
    void printsNothingButTheKindForWhatCannotBeCompleted() {
        assertThat(print("-p", "../x", "list", "-t", "")).isEqualTo("words\n");
        assertThat(print("nope", "")).isEqualTo("words\n");
        assertThat(print("list", "--limit", "")).isEqualTo("words\n");
        env.put("GPTMEM_PROFILE", "Bad Name");
        assertThat(print("show", "")).isEqualTo("words\n");
    }

    private String print(String... words) {
        StringWriter out = new StringWriter();
        Completion.print(root(), env, Stream.of(words).toList(), new PrintWriter(out));
        return out.toString();
    }
}
