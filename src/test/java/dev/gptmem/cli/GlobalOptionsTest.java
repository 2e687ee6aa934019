package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.search.LuceneSearch;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.Home;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.core.ProfileStore;
import dev.gptmem.store.H2Storage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GlobalOptionsTest extends CliTestBase {

    private List<String> contents(String profile) {
        return memories(profile).stream().map(IncomingMemory::content).toList();
    }

    @Test
    void profileOptionWorksBeforeAndAfterTheCommand() {
        add("-p", "one", "before");
        add("after", "-p", "two");
        add("--profile=two", "equals form");
        run("list", "--profile", "one").succeeded();

        assertThat(contents("one")).containsExactly("before");
        assertThat(contents("two")).containsExactlyInAnyOrder("after", "equals form");
        assertThat(profileFile("default")).doesNotExist();
    }

    @Test
    void profileIsChosenByOptionThenEnvironmentThenProfileUseThenDefault() {
        add("in default");
        assertThat(memories()).extracting(IncomingMemory::content).containsExactly("in default");

        run("profile", "create", "used").succeeded();
        run("profile", "use", "used").succeeded();
        add("in used");

        env.put("GPTMEM_PROFILE", "from-env");
        add("in from-env");

        add("-p", "option", "in option");

        assertThat(contents("default")).containsExactly("in default");
        assertThat(contents("used")).containsExactly("in used");
        assertThat(contents("from-env")).containsExactly("in from-env");
        assertThat(contents("option")).containsExactly("in option");
    }

    @Test
    void blankProfileVariableIsIgnored() {
        env.put("GPTMEM_PROFILE", " ");

        add("x");

        assertThat(profileFile("default")).isRegularFile();
    }

    @Test
    void homeIsChosenByOptionThenGptmemHomeThenXdgDataHomeThenHome() throws IOException {
        Path option = home.resolve("option");
        Path gptmemHome = home.resolve("gptmem-home");
        Path xdg = home.resolve("xdg");
        env.put("GPTMEM_HOME", gptmemHome.toString());
        env.put("XDG_DATA_HOME", xdg.toString());

        add("--home", option.toString(), "a");
        add("b");
        env.remove("GPTMEM_HOME");
        add("c");
        env.remove("XDG_DATA_HOME");
        add("d");
        add("e", "--home", option.toString());

        assertThat(option.resolve("profiles/default.mv.db")).isRegularFile();
        assertThat(gptmemHome.resolve("profiles/default.mv.db")).isRegularFile();
        assertThat(xdg.resolve("gptmem/profiles/default.mv.db")).isRegularFile();
        Path fallback = Path.of(env.get("HOME"), ".local", "share", "gptmem");
        assertThat(fallback.resolve("profiles/default.mv.db")).isRegularFile();
        assertThat(run("--home", option.toString(), "list", "--jsonl").succeeded().lines()).hasSize(2);
        assertThat(Files.getPosixFilePermissions(option)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(xdg.resolve("gptmem")))
                .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    }

    @Test
    void aHomeThatIsNoFolderSaysWhyInWordsOnce() throws IOException {
        Path file = Files.writeString(home.resolve("a-file"), "not a folder");

        assertThat(run("--home", file.toString(), "list").failedWith(ExitCodes.FAILURE).error())
                .isEqualTo("cannot read " + file.resolve("config.properties") + ": not a directory");
        assertThat(run("--home", file.toString(), "add", "x").failedWith(ExitCodes.FAILURE).error())
                .isEqualTo("cannot read " + file.resolve("config.properties") + ": not a directory");
        assertThat(run("--home", file.resolve("inside").toString(), "profile", "create", "p").failedWith(ExitCodes.FAILURE)
                .error()).isEqualTo("cannot create folder " + file.resolve("inside") + ": not a directory");
        assertThat(file).hasContent("not a folder");

        Path other = Files.createDirectory(home.resolve("other"));
        Files.writeString(other.resolve("profiles"), "in the way");
        assertThat(run("--home", other.toString(), "add", "x").failedWith(ExitCodes.FAILURE).error())
                .isEqualTo("cannot create folder " + other.resolve("profiles") + ": a file of that name exists already");
    }

    @Test
    void debugAddsTheStackTraceToAnError() {
        add("x");

        Result plain = run("show", "0123abcd").failedWith(ExitCodes.NOT_FOUND);
        assertThat(plain.err()).doesNotContain("\tat ");

        Result debug = run("--debug", "show", "0123abcd");
        assertThat(debug.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(debug.out()).isEmpty();
        assertThat(debug.err()).contains("\tat dev.gptmem.").contains("gptmem: no memory with id '0123abcd'");
    }

    @Test
    void busyProfileFailsAfterTheLockTimeoutNamingTheHolder() {
        add("x");
        env.put("GPTMEM_LOCK_TIMEOUT", "0.2");
        H2Storage other = new H2Storage(new Home(home), Duration.ofSeconds(1), () -> "nightly backup", new LuceneSearch());

        try (ProfileStore held = other.open("default", false)) {
            Result result = run("list").failedWith(ExitCodes.FAILURE);
            assertThat(result.error()).contains("profile 'default' is busy", "nightly backup",
                    "pid " + ProcessHandle.current().pid());
        }
        assertThat(run("list", "-q").succeeded().lines()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLongWaitForABusyProfileIsToldAtATerminalOnly(boolean stderrIsTerminal) {
        add("x");
        env.put("GPTMEM_LOCK_TIMEOUT", "2.2");
        terminal(Terminal.fixed(false, false, stderrIsTerminal, 0));
        H2Storage other = new H2Storage(new Home(home), Duration.ofSeconds(1), () -> "nightly backup",
                new LuceneSearch());

        try (ProfileStore held = other.open("default", false)) {
            Result result = run("list");

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            String holder = "profile 'default' is busy: held by pid " + ProcessHandle.current().pid()
                    + " (nightly backup)";
            assertThat(result.errorLines().get(result.errorLines().size() - 1))
                    .startsWith("gptmem: " + holder).endsWith("gave up after 2.2 s, try again when it finishes");
            if (stderrIsTerminal) {
                // After a second, a person learns why nothing happens; a script's stderr keeps to the error.
                assertThat(result.errorLines()).hasSize(2);
                assertThat(result.errorLines().get(0)).startsWith("gptmem: " + holder)
                        .endsWith("; waiting up to 2.2 s");
            } else {
                assertThat(result.errorLines()).hasSize(1);
            }
        }
    }

    @Test
    void invalidLockTimeoutIsAUsageError() {
        env.put("GPTMEM_LOCK_TIMEOUT", "soon");

        assertThat(run("add", "x").failedWith(ExitCodes.USAGE).error()).contains("GPTMEM_LOCK_TIMEOUT");
    }
}
