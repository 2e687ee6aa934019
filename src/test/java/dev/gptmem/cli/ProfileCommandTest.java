package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.Home;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.MemoryRules;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.search.LuceneSearch;
import dev.gptmem.store.H2Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileCommandTest extends CliTestBase {

    private List<String> names() {
        return run("profile", "list", "-q").succeeded().lines();
    }

    @Test
    void createMakesAnEmptyOwnerOnlyProfile() throws IOException {
        Result result = run("profile", "create", "trainer", "-d", "Running coach").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("created profile 'trainer'\n");
        assertThat(profileFile("trainer")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(profileFile("trainer")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(home.resolve("profiles")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(memories("trainer")).isEmpty();
        assertThat(run("profile", "show", "trainer").succeeded().out()).contains("Running coach");
    }

    @Test
    void createOfAnExistingProfileFailsAndKeepsIt() {
        add("-p", "trainer", "kept");

        assertThat(run("profile", "create", "trainer").failedWith(ExitCodes.FAILURE).error()).contains("already exists");
        assertThat(memories("trainer")).hasSize(1);
    }

    @Test
    void createWithADescriptionPastTheLimitCreatesNothing() {
        String tooLong = "x".repeat(MemoryRules.MAX_DESCRIPTION + 1);

        Result result = run("profile", "create", "trainer", "-d", tooLong).failedWith(ExitCodes.USAGE);

        assertThat(result.error()).isEqualTo("the profile description is 10,001 characters long; the limit is 10,000");
        assertThat(profileFile("trainer")).doesNotExist();
    }

    @Test
    void editChangesTheDescriptionAndNothingElse() {
        add("-p", "trainer", "kept");

        assertThat(run("profile", "edit", "trainer", "-d", "  Running coach ").succeeded().err())
                .isEqualTo("updated profile 'trainer'\n");
        assertThat(describedAs("trainer")).isEqualTo("Running coach");
        assertThat(run("profile", "edit", "trainer", "-d", "Running coach").succeeded().err())
                .isEqualTo("no changes to profile 'trainer'\n");
        run("-p", "trainer", "profile", "edit", "-d", "").succeeded();
        assertThat(describedAs("trainer")).as("an empty description removes it").isNull();
        assertThat(memories("trainer")).extracting(IncomingMemory::content).containsExactly("kept");
    }

    @Test
    void editRefusesWhatItCannotDo() {
        run("profile", "create", "trainer", "-d", "Coach").succeeded();

        assertThat(run("profile", "edit", "trainer").failedWith(ExitCodes.USAGE).error())
                .startsWith("missing required option: '--description=TEXT'");
        assertThat(run("profile", "edit", "nobody", "-d", "x").failedWith(ExitCodes.NOT_FOUND).error())
                .isEqualTo("no profile 'nobody' (see 'gptmem profile list')");
        run("profile", "edit", "trainer", "-d", "y".repeat(MemoryRules.MAX_DESCRIPTION + 1))
                .failedWith(ExitCodes.USAGE);
        assertThat(describedAs("trainer")).isEqualTo("Coach");
        assertThat(profileFile("nobody")).doesNotExist();
    }

    @Test
    void anImportedDescriptionPastTheLimitIsBadInputAndImportsNothing() {
        String export = "{\"format\": \"gptmem-export\", \"version\": 1, \"profile\": {\"name\": \"x\","
                + " \"description\": \"" + "z".repeat(MemoryRules.MAX_DESCRIPTION + 1) + "\"},"
                + " \"memories\": [{\"content\": \"one\"}]}";

        Result result = stdin(export).run("-p", "trainer", "import").failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).isEqualTo("the profile description is 10,001 characters long; the limit is 10,000;"
                + " nothing was imported");
        assertThat(profileFile("trainer")).doesNotExist();
    }

    /** The description 'profile show' prints, or null when it prints none. */
    private String describedAs(String profile) {
        return run("profile", "show", profile).succeeded().lines().stream()
                .filter(line -> line.startsWith("description:")).map(line -> line.substring(12).strip())
                .findFirst().orElse(null);
    }

    @Test
    void listMarksTheProfileInUse() {
        run("profile", "create", "b-second", "-d", "Second\nline").succeeded();
        add("-p", "a-first", "one");
        add("-p", "a-first", "two");
        run("profile", "use", "b-second").succeeded();

        assertThat(names()).containsExactly("a-first", "b-second");
        List<String> table = run("profile", "list").succeeded().lines();
        assertThat(table).hasSize(3);
        assertThat(table.get(1)).matches("\\s+a-first\\s+2\\s+.*");
        assertThat(table.get(2)).matches("\\*\\s+b-second\\s+0\\s+.*Second line");
        assertThat(run("profile").succeeded().out().replaceAll("\\d+\\.\\d KiB", "SIZE"))
                .as("'profile' alone lists")
                .isEqualTo(String.join("\n", table).replaceAll("\\d+\\.\\d KiB", "SIZE") + "\n");
    }

    @Test
    void listAsJson() {
        run("profile", "create", "trainer", "-d", "Coach").succeeded();
        add("-p", "trainer", "x");

        String json = run("profile", "list", "--json").succeeded().out();
        assertThat(json).startsWith("[").contains("\"name\": \"trainer\"", "\"description\": \"Coach\"",
                "\"memories\": 1", "\"current\": false",
                "\"file\": \"" + profileFile("trainer") + "\"");

        List<String> lines = run("profile", "list", "--jsonl").succeeded().lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"name\":\"trainer\"").endsWith("}");
    }

    @Test
    void listOfAnEmptyHomePrintsNoData() {
        Result result = run("profile", "list").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no profiles");
        assertThat(run("profile", "list", "--json").succeeded().out()).matches("\\[\\s*]\\s*");
    }

    @Test
    void listShowsEveryProfileEvenWhenOneIsBusyOrNotAProfile() throws IOException {
        run("profile", "create", "trainer", "-d", "Coach").succeeded();
        add("-p", "coach", "x");
        Files.write(profileFile("photo"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        H2Storage storage = new H2Storage(new Home(home), Duration.ofSeconds(10), () -> "gptmem import",
                new LuceneSearch());

        try (ProfileStore held = storage.open("trainer", false)) {
            long start = System.nanoTime();
            Result table = run("profile", "list").succeeded();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the busy one")
                    .isLessThan(Duration.ofSeconds(5));

            assertThat(table.lines()).hasSize(4);
            assertThat(table.lines().get(1)).startsWith("   coach    1");
            assertThat(table.lines().get(2)).matches("   photo    \\?\\s+3 B\\s*");
            assertThat(table.lines().get(3)).matches("   trainer  \\?\\s+\\S+ KiB\\s*");
            assertThat(table.errorLines()).containsExactly(
                    "gptmem: warning: profile 'photo' is not a gptmem profile: " + profileFile("photo")
                            + " is not an H2 database file (listed without its details)",
                    table.errorLines().get(1));
            assertThat(table.errorLines().get(1)).startsWith("gptmem: warning: profile 'trainer' is busy: held by pid ")
                    .contains("(gptmem import)").endsWith("(listed without its details)");

            String json = run("profile", "list", "--json").succeeded().out();
            assertThat(json).contains("\"memories\": null", "\"problem\": \"profile 'photo' is not a gptmem profile: ");
            assertThat(run("profile", "list", "-q").succeeded()).satisfies(names -> {
                assertThat(names.lines()).containsExactly("coach", "photo", "trainer");
                assertThat(names.err()).isEmpty();
            });
            assertThat(held.description()).as("the holder is unaffected").isEqualTo("Coach");
        }
        assertThat(run("profile", "list").succeeded().err()).contains("photo").doesNotContain("trainer");
    }

    @Test
    void showDescribesOneProfile() {
        run("profile", "create", "trainer", "-d", "Coach").succeeded();
        add("-p", "trainer", "x");

        Result table = run("profile", "show", "trainer").succeeded();
        assertThat(table.lines().get(0)).isEqualTo("trainer");
        assertThat(table.out()).contains("description: Coach", "memories:    1", "file:        " + profileFile("trainer"));

        run("profile", "create", "plain").succeeded();
        assertThat(run("profile", "show", "plain").succeeded().lines())
                .as("no description line for a profile without one").noneMatch(line -> line.startsWith("description"))
                .contains("memories:    0");

        String json = run("profile", "show", "trainer", "--json").succeeded().out();
        assertThat(json).contains("\"name\": \"trainer\"", "\"memories\": 1");
        assertThat(json).containsPattern("\"created_at\": \"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");

        run("profile", "show", "nobody").failedWith(ExitCodes.NOT_FOUND);
    }

    @Test
    void useSetsTheProfileCommandsUseByDefault() {
        run("profile", "create", "trainer").succeeded();

        assertThat(run("profile", "use", "trainer").succeeded().err()).contains("now using profile 'trainer'");
        add("goes to trainer");

        assertThat(memories("trainer")).extracting(IncomingMemory::content).containsExactly("goes to trainer");
        assertThat(profileFile("default")).doesNotExist();
        assertThat(run("profile", "show").succeeded().lines().get(0)).isEqualTo("trainer  (in use)");

        run("profile", "use", "nobody").failedWith(ExitCodes.NOT_FOUND);
        assertThat(run("profile", "show").succeeded().lines().get(0)).startsWith("trainer");
    }

    @Test
    void rmWithoutATerminalNeedsYes() {
        add("-p", "trainer", "x");

        assertThat(run("profile", "rm", "trainer").failedWith(ExitCodes.FAILURE).error()).contains("-y");
        assertThat(profileFile("trainer")).isRegularFile();
        assertThat(memories("trainer")).hasSize(1);

        assertThat(run("profile", "rm", "trainer", "-y").succeeded().err()).contains("deleted profile 'trainer'");
        assertThat(profileFile("trainer")).doesNotExist();
        assertThat(names()).isEmpty();
    }

    @Test
    void rmOnATerminalAsks() {
        add("-p", "trainer", "x");
        terminal(Terminal.fixed(true, true, 80));

        Result no = stdin("no\n").run("profile", "rm", "trainer");
        assertThat(no.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(no.err()).contains("Delete profile 'trainer' and its 1 memory? [y/N]");
        assertThat(profileFile("trainer")).isRegularFile();

        stdin("yes\n").run("profile", "rm", "trainer").succeeded();
        assertThat(profileFile("trainer")).doesNotExist();
    }

    @Test
    void aProfileThatCannotBeReadCanStillBeDeleted() throws IOException {
        run("profile", "create", "other").succeeded();
        Files.write(profileFile("photo"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        Files.copy(profileFile("photo"), profileFile("scan"));
        terminal(Terminal.fixed(true, true, 80));

        Result no = stdin("no\n").run("profile", "rm", "photo");
        assertThat(no.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(no.err()).contains("Delete profile 'photo' (it cannot be read: profile 'photo' is not a gptmem"
                + " profile: " + profileFile("photo") + " is not an H2 database file)? [y/N]");
        assertThat(profileFile("photo")).isRegularFile();

        stdin("yes\n").run("profile", "rm", "photo").succeeded();
        run("profile", "rm", "scan", "-y").succeeded();
        assertThat(profileFile("photo")).doesNotExist();
        assertThat(profileFile("scan")).doesNotExist();
        assertThat(profileFile("other")).isRegularFile();
    }

    @Test
    void rmOfAMissingProfileIsNotFound() {
        run("profile", "rm", "nobody", "-y").failedWith(ExitCodes.NOT_FOUND);
    }

    @Test
    void rmOfTheProfileInUseFallsBackToDefault() {
        run("profile", "create", "trainer").succeeded();
        run("profile", "use", "trainer").succeeded();

        run("profile", "rm", "trainer", "-y").succeeded();
        add("after removal");

        assertThat(memories("default")).extracting(IncomingMemory::content).containsExactly("after removal");
        assertThat(run("profile", "list").succeeded().lines().get(1)).matches("\\*\\s+default\\s.*");
    }

    @Test
    void renameMovesTheMemoriesAndFollowsTheProfileInUse() {
        add("-p", "trainer", "kept");
        run("profile", "use", "trainer").succeeded();

        assertThat(run("profile", "rename", "trainer", "coach").succeeded().err())
                .contains("renamed profile 'trainer' to 'coach'");

        assertThat(names()).containsExactly("coach");
        assertThat(profileFile("trainer")).doesNotExist();
        assertThat(memories()).extracting(IncomingMemory::content).containsExactly("kept");
        assertThat(run("profile", "show").succeeded().lines().get(0)).isEqualTo("coach  (in use)");
    }

    @Test
    void renameOntoAnExistingProfileFailsAndChangesNothing() {
        add("-p", "one", "first");
        add("-p", "two", "second");

        run("profile", "rename", "one", "two").failedWith(ExitCodes.FAILURE);
        run("profile", "rename", "nobody", "three").failedWith(ExitCodes.NOT_FOUND);

        assertThat(memories("one")).extracting(IncomingMemory::content).containsExactly("first");
        assertThat(memories("two")).extracting(IncomingMemory::content).containsExactly("second");
    }

    static Stream<Arguments> invalidNames() {
        return Stream.of("../x", "", "A B", "Trainer", "x/y", "a.b", "_x", "x".repeat(65))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("invalidNames")
    void invalidNamesAreUsageErrorsBeforeAnyFileIsCreated(String name) throws IOException {
        add("-p", "valid", "x");
        List<String> filesBefore = files();
        List<List<String>> commands = List.of(
                List.of("profile", "create", name),
                List.of("profile", "use", name),
                List.of("profile", "show", name),
                List.of("profile", "rm", name, "-y"),
                List.of("profile", "rename", "valid", name),
                List.of("profile", "rename", name, "valid"),
                List.of("-p", name, "add", "x"),
                List.of("add", "-p", name, "x"),
                List.of("--profile=" + name, "import", "-"));
        for (List<String> command : commands) {
            Result result = run(command.toArray(new String[0])).failedWith(ExitCodes.USAGE);
            assertThat(result.error()).as("%s", command).contains("invalid profile name");
        }
        env.put("GPTMEM_PROFILE", name.isEmpty() ? "Empty" : name);
        run("add", "x").failedWith(ExitCodes.USAGE);

        assertThat(files()).isEqualTo(filesBefore);
        assertThat(memories("valid")).hasSize(1);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            return all.map(p -> home.relativize(p).toString()).sorted().toList();
        }
    }
}
