package dev.gptmem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.cli.Cli;
import dev.gptmem.cli.CliContext;
import dev.gptmem.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellTest {

    @TempDir
    Path home;

    private CliContext context(String stdin) {
        return new CliContext(Map.of("GPTMEM_HOME", home.toString(), "HOME", home.toString()),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), Terminal.PIPES);
    }

    @Test
    void aSessionSurvivesABadLineSwitchesProfileAndKeepsHistory() throws Exception {
        String typed = "add \"Prefers metric units\" -t prefs\nbogus\nlist -q\nuse trainer\n secret line\nexit\nlist\n";
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        org.jline.terminal.Terminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        StringWriter ignored = new StringWriter();
        Shell shell = new Shell(context(""), new PrintWriter(ignored), new PrintWriter(ignored));

        int code = shell.interactive(terminal);

        String shown = screen.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(shown).contains("default (0)> ", "gptmem: unknown command 'bogus'", "default (1)> ",
                "trainer (0)> ");
        assertThat(shown).containsPattern("default \\(0\\)> [0-9a-f]{8}-[0-9a-f-]{27}\\R");
        Path history = home.resolve("history");
        assertThat(Files.readString(history)).contains("list -q", "use trainer").doesNotContain("secret line");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    }

    @Test
    void aScriptRunsEveryLineAndExitsWithTheFirstFailure() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String script = "add one\nshow ffffffff\nadd two\nlist -q\n";
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Cli.create(context(script), o, e).addSubcommand(ShellCommand.class).execute("shell");
        }
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).startsWith("gptmem: ");
        assertThat(out.toString().lines().filter(l -> l.matches("[0-9a-f-]{36}")).count()).isEqualTo(4);
        assertThat(out.toString()).doesNotContain("> ");
    }

    @Test
    void aCleanScriptExitsZero() {
        StringWriter out = new StringWriter();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(new StringWriter())) {
            code = Cli.create(context("# comment\n\nadd one\nexit\nbogus\n"), o, e)
                    .addSubcommand(ShellCommand.class).execute("shell");
        }
        assertThat(code).isZero();
    }
}
