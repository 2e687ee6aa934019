package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Profile names become file names, so a bad one is a usage error caught before anything touches the
 * disk: exit 2, one error line, and not a single file or folder created, inside the home or beside it.
 */
class ProfileNamesIT {

    /** The home lives one level down, so a name that climbs out of it would show up in {@code root}. */
    @TempDir
    Path root;

    /**
     * @param envProfile {@code GPTMEM_PROFILE}, or null to leave it unset
     * @param stdin      what the command reads, if anything
     */
    record Case(String name, List<String> args, String envProfile, String stdin) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> badNames() {
        return Stream.of(
                new Case("-p ../x add", List.of("-p", "../x", "add", "memory"), null, ""),
                new Case("-p ../../x add", List.of("-p", "../../x", "add", "memory"), null, ""),
                new Case("-p '' add", List.of("-p", "", "add", "memory"), null, ""),
                new Case("-p Upper add", List.of("-p", "Upper", "add", "memory"), null, ""),
                new Case("-p 'a b' add", List.of("-p", "a b", "add", "memory"), null, ""),
                new Case("--profile=../x import -", List.of("--profile=../x", "import", "-"), null,
                        "[{\"content\": \"memory\"}]"),
                new Case("GPTMEM_PROFILE=../x add", List.of("add", "memory"), "../x", ""),
                new Case("GPTMEM_PROFILE=../x import -", List.of("import", "-"), "../x", "[{\"content\": \"memory\"}]"),
                new Case("profile create ../x", List.of("profile", "create", "../x"), null, ""),
                new Case("profile create Upper", List.of("profile", "create", "Upper"), null, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void badProfileNameIsAUsageErrorThatCreatesNothing(Case c) throws IOException {
        Path home = Files.createDirectory(root.resolve("home"));
        GptmemProcess gptmem = new GptmemProcess(home);

        Result result = gptmem.call(c.args().toArray(String[]::new))
                .env("GPTMEM_PROFILE", c.envProfile())
                .stdin(c.stdin())
                .run();

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.stdout()).isEmpty();
        result.errorLine();
        try (Stream<Path> tree = Files.walk(root)) {
            assertThat(tree.filter(p -> !p.equals(root) && !p.equals(home)).toList())
                    .as("files or folders created by %s", c).isEmpty();
        }
    }
}
