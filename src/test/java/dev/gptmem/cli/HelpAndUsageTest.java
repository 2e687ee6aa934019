package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.Main;
import dev.gptmem.core.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Help for people, and the one-line usage errors scripts see. */
class HelpAndUsageTest extends CliTestBase {

    @ParameterizedTest(name = "gptmem {0} --help")
    @ValueSource(strings = {"", "add", "list", "show", "edit", "rm", "search", "export", "import", "profile",
            "profile list", "profile create", "profile rm", "profile rename", "profile use", "profile show"})
    void everyCommandHasHelpWithExamples(String command) {
        String[] args = Stream.concat(Stream.of(command.split(" ")).filter(s -> !s.isEmpty()), Stream.of("--help"))
                .toArray(String[]::new);

        Result result = run(args);

        assertThat(result.exitCode()).as("exit code; stderr: %s", result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("Usage: gptmem " + command).contains("Examples:");
    }

    @Test
    void everyCommandDescribesItselfRatherThanInheritingGptmemsDescription() {
        CliContext context = new CliContext(Map.of(), InputStream.nullInputStream(), Terminal.PIPES);
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        CommandSpec root = Cli.createWith(context, none, none, Main.PROGRAM_COMMANDS).getCommandSpec();
        List<CommandSpec> commands = new ArrayList<>();
        Deque<CommandSpec> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            CommandSpec command = todo.pop();
            command.subcommands().values().stream().map(CommandLine::getCommandSpec).distinct().forEach(todo::add);
            if (command != root) {
                commands.add(command);
            }
        }

        assertThat(commands).extracting(CommandSpec::qualifiedName)
                .contains("gptmem list", "gptmem profile use", "gptmem profile reindex", "gptmem shell");
        assertThat(commands).allSatisfy(command -> assertThat(String.join(" ", command.usageMessage().description()))
                .as("description of %s", command.qualifiedName())
                .isNotBlank()
                .isNotEqualTo(String.join(" ", root.usageMessage().description())));
        assertThat(run("list", "--help").succeeded().out()).doesNotContain("Each GPT gets its own profile");
    }

    @Test
    void helpCommandPrintsWhatHelpOptionsPrint() {
        assertThat(runProgram("help").succeeded().out()).isEqualTo(runProgram("--help").succeeded().out());
        assertThat(runProgram("help", "profile", "create").succeeded().out())
                .isEqualTo(runProgram("profile", "create", "--help").succeeded().out())
                .startsWith("Create an empty profile.");
        assertThat(runProgram("help", "help").succeeded().out()).contains("Usage: gptmem help", "[COMMAND...]");

        assertThat(runProgram("help", "nope").failedWith(ExitCodes.USAGE).errorLines())
                .containsExactly("gptmem: no command 'nope' (see 'gptmem --help')");
        assertThat(runProgram("help", "profile", "nope").failedWith(ExitCodes.USAGE).error())
                .isEqualTo("no command 'profile nope' (see 'gptmem --help')");
    }

    @Test
    void noCommandShowsTheCommandsOnStderrAsAUsageError() {
        Result result = runProgram();

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo(runProgram("--help").succeeded().out());
        assertThat(profileFile("default")).doesNotExist();
    }

    @Test
    void importListsItsFormatsEachMeaningIndentedBesideItsName() {
        String help = run("import", "--help").succeeded().out();
        List<String> section = help.lines().dropWhile(line -> !line.equals("Formats:")).skip(1)
                .takeWhile(line -> !line.isBlank()).toList();

        assertThat(section).filteredOn(line -> !line.startsWith("             "))
                .extracting(line -> line.strip().split(" ")[0])
                .containsExactly("gptmem", "chatgpt", "mcp", "gpt-api", "mem0");
        assertThat(section).hasSizeGreaterThan(10).allSatisfy(line -> assertThat(line).startsWith("  "));
        assertThat(help.indexOf("Formats:")).isLessThan(help.indexOf("Options:"));
    }

    @Test
    void helpCreatesNothing() throws IOException {
        run("--help").succeeded();

        try (Stream<Path> files = Files.list(home)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("user-home");
        }
    }

    @Test
    void versionNamesTheProgramItsCommitAndTheJavaRunningIt() {
        Result result = run("--version").succeeded();

        assertThat(result.lines()).hasSize(2);
        assertThat(result.lines().get(0)).matches("gptmem \\d+\\.\\d+\\.\\d+\\S* \\(commit ([0-9a-f]{10}|unknown).*\\)");
        assertThat(result.lines().get(1)).startsWith("Java " + System.getProperty("java.runtime.version"))
                .contains(System.getProperty("java.home"));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void everyCommandPrintsTheSameVersion() {
        String version = run("--version").succeeded().out();

        for (String[] command : List.of(new String[] {"list", "--version"}, new String[] {"add", "-V"},
                new String[] {"profile", "--version"}, new String[] {"profile", "list", "--version"})) {
            assertThat(run(command).succeeded().out()).as(String.join(" ", command)).isEqualTo(version);
        }
    }

    @Test
    void unknownCommandIsAOneLineUsageError() {
        assertThat(run("nope").failedWith(ExitCodes.USAGE).error()).contains("nope");
        assertThat(run("profile", "nope").failedWith(ExitCodes.USAGE).error()).contains("nope");
    }

    @Test
    void unknownOptionIsAOneLineUsageErrorNamingIt() {
        assertThat(run("--colour").failedWith(ExitCodes.USAGE).error()).contains("--colour");
        assertThat(run("list", "--colour").failedWith(ExitCodes.USAGE).error()).contains("--colour", "list");
        assertThat(run("profile", "create", "x", "--colour").failedWith(ExitCodes.USAGE).error()).contains("--colour");
        assertThat(profileFile("x")).doesNotExist();
    }

    @ParameterizedTest(name = "gptmem {0}")
    @CsvSource(delimiter = '|', value = {
        "list extra               | unexpected argument: 'extra' (see 'gptmem list --help')",
        "list extra more          | unexpected arguments: 'extra', 'more' (see 'gptmem list --help')",
        "show                     | missing required parameter: 'ID' (see 'gptmem show --help')",
        "list --colour            | unknown option: '--colour' (see 'gptmem list --help')",
        "list --json --jsonl      | give only one of --json, --jsonl (see 'gptmem list --help')",
        "list --sort bogus        | --sort must be created, updated or name, not 'bogus' (see 'gptmem list --help')",
        "export --format yaml     | --format must be json, jsonl, md or csv, not 'yaml' (see 'gptmem export --help')",
        "import --on-conflict x - | --on-conflict must be skip, replace, newer or fail, not 'x'"
                + " (see 'gptmem import --help')",
        "import --format yaml -   | --format must be auto, gptmem, chatgpt, mcp, gpt-api or mem0, not 'yaml'"
                + " (see 'gptmem import --help')",
        "search -l ten units      | --limit takes a whole number, not 'ten' (see 'gptmem search --help')",
        "list --limit 99999999999 | --limit is at most 2147483647, not 99999999999 (see 'gptmem list --help')",
        "list --offset=-99999999999 | --offset is out of range: -99999999999 (see 'gptmem list --help')",
    })
    void usageErrorsSayWhatIsWrongInTheHelpsWords(String line, String expected) {
        Result result = run(line.split(" "));

        assertThat(result.failedWith(ExitCodes.USAGE).errorLines()).containsExactly("gptmem: " + expected);
        assertThat(profileFile("default")).doesNotExist();
    }

    @Test
    void missingCommandOrValueIsAUsageError() {
        assertThat(run().exitCode()).isEqualTo(ExitCodes.USAGE);
        run("list", "--limit").failedWith(ExitCodes.USAGE);
        run("-p").failedWith(ExitCodes.USAGE);
        run("profile", "rename", "only-one").failedWith(ExitCodes.USAGE);
    }

    @Test
    void usageErrorsPointAtHelp() {
        assertThat(run("list", "--colour").failedWith(ExitCodes.USAGE).error()).contains("gptmem list --help");
    }
}
