package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Which commands the factory builds for a command line: only what running it can reach. */
class CliTest {
    @TempDir
    Path home;

    private List<String> built(String line) {
        CliContext context = new CliContext(Map.of("GPTMEM_HOME", home.toString()),
                new ByteArrayInputStream(new byte[0]), Terminal.PIPES);
        PrintWriter none = new PrintWriter(new StringWriter());
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        List<Cli.Entry> commands = Cli.commands().stream()
                .filter(c -> c.name().equals("add") || c.name().equals("list")).toList();
        CommandLine cli = Cli.create(context, none, none, commands, args);
        return List.copyOf(cli.getCommandSpec().subcommands().keySet());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "add hello                  | add",
        "ls -q                      | list ls",
        "-p trainer --home x list   | list ls",
        "--profile=trainer add x    | add",
        "--version                  | ''",
        "--debug -V                 | ''",
        "add --version              | add",
        "''                         | add list ls",
        "--help --version           | add list ls",
        "lsit                       | add list ls",
        "-p add list                | list ls"
    })
    void buildsOnlyTheCommandTheLineNames(String line, String expected) {
        assertThat(built(line.strip())).containsExactlyElementsOf(
                expected.isBlank() ? List.of() : List.of(expected.strip().split(" ")));
    }
}
