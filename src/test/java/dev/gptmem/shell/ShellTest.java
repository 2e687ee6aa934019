package dev.gptmem.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.Main;
import dev.gptmem.cli.Cli;
import dev.gptmem.cli.CliContext;
import dev.gptmem.cli.Terminal;
import dev.gptmem.core.ExitCodes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions typed into a JLine terminal on byte streams, and scripts on standard input, against a real home. */
class ShellTest {

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();
    /** What the commands of a session believe about the terminal: a person typing, by default. */
    private Terminal commandsSee = Terminal.fixed(true, false, 0);
    private Size screenSize = new Size(0, 0);

    private CliContext context(String stdin, Terminal terminal) {
        Map<String, String> all = new HashMap<>(env);
        all.put("GPTMEM_HOME", home.toString());
        all.put("HOME", home.toString());
        return new CliContext(all, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), terminal);
    }

    /** Types {@code typed} into a new session; returns everything the screen showed. */
    private String session(String typed) throws Exception {
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        org.jline.terminal.Terminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        terminal.setSize(screenSize);
        PrintWriter ignored = new PrintWriter(new StringWriter());
        int code = new Shell(context("", commandsSee), ignored, ignored).interactive(terminal);
        assertThat(code).isZero();
        return screen.toString(StandardCharsets.UTF_8);
    }

    private String gptmem(String... args) {
        StringWriter out = new StringWriter();
        int code = Cli.create(context("", Terminal.PIPES), new PrintWriter(out), new PrintWriter(new StringWriter()))
                .execute(args);
        assertThat(code).as("gptmem %s", String.join(" ", args)).isZero();
        return out.toString();
    }

    private int script(String script, StringWriter out, StringWriter err) {
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            return Cli.createWith(context(script, Terminal.PIPES), o, e, Main.PROGRAM_COMMANDS).execute("shell");
        }
    }

    @Test
    void aSessionSurvivesABadLineSwitchesProfileAndKeepsHistory() throws Exception {
        gptmem("profile", "create", "trainer");

        String shown = session("add \"Prefers metric units\" -t prefs\nbogus\nlist -q\nuse trainer\nuse nosuch\n"
                + " secret line\nexit\nlist\n");

        assertThat(shown).contains(ShellHelp.GREETING, "default (0)> ", "gptmem: unknown command 'bogus'",
                "default (1)> ", "trainer (0)> ", "gptmem: no profile 'nosuch'");
        assertThat(shown).containsPattern("default \\(0\\)> [0-9a-f]{8}-[0-9a-f-]{27}\\R");
        Path history = home.resolve("history");
        assertThat(Files.readString(history)).contains("list -q", "use trainer").doesNotContain("secret line");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(history))).isEqualTo("rw-------");
    }

    @Test
    void helpListsTheCommandsWithoutThePrefixAndTheShellsOwnWords() throws Exception {
        String shown = session("help\nhelp profile use\nexit\n");

        assertThat(shown).contains("Commands (as 'gptmem COMMAND' takes them", "Shell commands:", "use PROFILE",
                "exit, quit", "TAB completes");
        assertThat(shown).containsPattern("\\n  list, ls +List memories").containsPattern("\\n  add +Add a memory");
        assertThat(shown).contains("Usage: gptmem profile use");
    }

    @Test
    void helpOfANameThatIsNoCommandIsAnErrorAsOutsideTheShell() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = script("help nosuch\nhelp profile nosuch\n", out, err);

        assertThat(code).isEqualTo(ExitCodes.USAGE);
        assertThat(out.toString()).as("not the general help instead").isEmpty();
        assertThat(err.toString().lines()).containsExactly("gptmem: line 1: no command 'nosuch' (see 'help')",
                "gptmem: line 2: no command 'profile nosuch' (see 'help')");
    }

    @Test
    void aLineGoesOnAfterABackslashOrAnOpenQuoteAndAddWithoutTextTakesLines() throws Exception {
        session("add -t plans Runs 5k \\\nthree times a week\nadd -n Packing \"socks\nshoes\"\n"
                + "add -t food\nLikes lentils\nand rice\n\nexit\n");

        String listed = gptmem("list", "--jsonl", "--sort", "name");
        assertThat(listed).contains("\"content\":\"Runs 5k three times a week\"", "\"content\":\"socks\\nshoes\"",
                "\"content\":\"Likes lentils\\nand rice\"", "\"tags\":[\"food\"]");
        assertThat(listed).contains("\"source\":\"shell\"").doesNotContain("\"source\":\"cli\"");
    }

    @Test
    void aCommandsQuestionIsAnsweredInTheSession() throws Exception {
        gptmem("add", "one");
        gptmem("add", "two");

        String shown = session("rm --all\nn\nrm --all\ny\nexit\n");

        assertThat(shown).contains("Delete 2 memories from profile 'default'? [y/N]", "default (0)> ");
        assertThat(gptmem("list", "-q")).isEmpty();
    }

    @Test
    void profileUseAndRenameInTheShellMoveTheShellAlong() throws Exception {
        gptmem("profile", "create", "trainer");

        String shown = session("profile use trainer\nadd Squats\nprofile rename trainer coach\nexit\n");

        assertThat(shown).contains("trainer (1)> ", "coach (1)> ");
    }

    @Test
    void outputLongerThanTheScreenGoesThroughThePagerAndShortOutputDoesNot() throws Exception {
        for (int i = 1; i <= 6; i++) {
            gptmem("add", "memory number " + i);
        }
        Path paged = home.resolve("paged.txt");
        env.put("GPTMEM_PAGER", "cat >> '" + paged + "'");
        screenSize = new Size(80, 5);

        String shown = session("list\nlist -l 1\nexit\n");

        assertThat(Files.readString(paged)).contains("ID", "memory number 1", "memory number 6")
                .doesNotContain("> ");
        assertThat(shown).contains("memory number 6").doesNotContain("memory number 1");
    }

    @Test
    void aScriptRunsEveryLineAndExitsWithTheFirstFailureNamingItsLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = script("add one\n\nshow ffffffff\nadd two \\\n  continued\nlist -q\nbogus\n", out, err);

        assertThat(code).isEqualTo(3);
        assertThat(err.toString().lines().toList()).hasSize(2).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("gptmem: line 3: no memory");
            assertThat(lines.get(1)).startsWith("gptmem: line 7: unknown command 'bogus'");
        });
        assertThat(out.toString().lines().filter(l -> l.matches("[0-9a-f-]{36}")).count()).isEqualTo(4);
        assertThat(out.toString()).doesNotContain("> ");
        assertThat(gptmem("list", "--jsonl")).contains("\"content\":\"two continued\"");
    }

    @Test
    void aScriptEndingInsideAQuoteIsAUsageErrorNamingWhereItStarted() {
        StringWriter err = new StringWriter();

        int code = script("add one\nadd \"two\nthree\n", new StringWriter(), err);

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("gptmem: line 2: missing closing \"" + System.lineSeparator());
        assertThat(gptmem("list", "-q").lines()).hasSize(1);
    }

    @Test
    void aLeadingGptmemIsLeftOutSoPastedCommandsAndHintsRunAsTyped() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = script("gptmem add 'Prefers metric units' -t prefs\ngptmem list -t prefs --jsonl\n"
                + "gptmem list --help\ngptmem\n", out, err);

        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains("\"content\":\"Prefers metric units\"", "Usage: gptmem list",
                "Commands (as 'gptmem COMMAND' takes them");
        assertThat(gptmem("list", "-q").lines()).hasSize(1);
    }

    @Test
    void aCleanScriptExitsZero() {
        int code = script("# comment\n\nadd one\nexit\nbogus\n", new StringWriter(), new StringWriter());

        assertThat(code).isZero();
        assertThat(List.of(gptmem("list", "-q").split("\n"))).hasSize(1);
    }
}
