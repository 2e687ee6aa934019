package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.Main;
import dev.gptmem.core.IncomingMemory;
import dev.gptmem.io.JsonMemoryReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs gptmem command lines in-process, the way {@code main} does, against a private home. Each
 * {@link #run} builds a fresh context and {@code CommandLine}, as a new process would.
 */
abstract class CliTestBase {

    @TempDir
    Path home;

    /** The environment the next runs see; tests add to it or take from it. */
    final Map<String, String> env = new HashMap<>();

    private InputStream stdin = InputStream.nullInputStream();
    private Terminal terminal = Terminal.PIPES;

    @BeforeEach
    void isolateEnvironment() throws IOException {
        env.clear();
        env.put("GPTMEM_HOME", home.toString());
        // Never let a fallback reach the real ~/.local/share of whoever runs the tests.
        Path userHome = Files.createDirectories(home.resolve("user-home"));
        env.put("HOME", userHome.toString());
    }

    /** Standard input for the next run only. */
    CliTestBase stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    CliTestBase stdin(byte[] bytes) {
        return stdin(new ByteArrayInputStream(bytes));
    }

    CliTestBase stdin(InputStream in) {
        this.stdin = in;
        return this;
    }

    /** Which ends are terminals, for all following runs. */
    CliTestBase terminal(Terminal terminal) {
        this.terminal = terminal;
        return this;
    }

    Result run(String... args) {
        return run(List.of(), args);
    }

    /** Runs {@code args} with the commands only the real program has too (shell and help). */
    Result runProgram(String... args) {
        return run(Main.PROGRAM_COMMANDS, args);
    }

    private Result run(List<Cli.Entry> more, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext context = new CliContext(env, stdin, terminal);
        stdin = InputStream.nullInputStream();
        int code;
        try (PrintWriter o = new PrintWriter(out); PrintWriter e = new PrintWriter(err)) {
            code = Cli.createWith(context, o, e, more).execute(args);
        }
        return new Result(List.of(args), code, out.toString(), err.toString());
    }

    /** Adds a memory and returns its id, failing the test if the add fails. */
    String add(String... args) {
        String[] full = new String[args.length + 1];
        full[0] = "add";
        System.arraycopy(args, 0, full, 1, args.length);
        String id = run(full).succeeded().out().strip();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        return id;
    }

    /** Every memory of a profile (null: the one commands choose), newest first, as {@code list --jsonl} gives them. */
    List<IncomingMemory> memories(String profile) {
        List<String> args = new ArrayList<>();
        if (profile != null) {
            args.addAll(List.of("-p", profile));
        }
        args.addAll(List.of("list", "--jsonl"));
        return parse(run(args.toArray(new String[0])).succeeded().out());
    }

    List<IncomingMemory> memories() {
        return memories(null);
    }

    IncomingMemory memory(String id) {
        List<IncomingMemory> found = parse(run("show", id, "--jsonl").succeeded().out());
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    static List<IncomingMemory> parse(String json) {
        List<IncomingMemory> memories = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (JsonMemoryReader reader = new JsonMemoryReader(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), warnings::add)) {
            for (IncomingMemory m = reader.next(); m != null; m = reader.next()) {
                memories.add(m);
            }
        }
        assertThat(warnings).as("fields gptmem wrote but cannot read back").isEmpty();
        return memories;
    }

    /** Imports {@code text} from standard input; {@code args} follow {@code import -}. */
    Result importing(String text, String... args) {
        String[] full = new String[args.length + 2];
        full[0] = "import";
        full[1] = "-";
        System.arraycopy(args, 0, full, 2, args.length);
        return stdin(text).run(full);
    }

    /** One JSON Lines record with a chosen id and timestamps, as an export would write it. */
    static String jsonl(String id, String content, String tag, String createdAt, String updatedAt) {
        return String.format("{\"id\":\"%s\",\"content\":\"%s\",\"tags\":[%s],\"pinned\":false,"
                        + "\"source\":\"cli\",\"created_at\":\"%s\",\"updated_at\":\"%s\"}\n",
                id, content, tag == null ? "" : "\"" + tag + "\"", createdAt, updatedAt);
    }

    Path profileFile(String name) {
        return home.resolve("profiles").resolve(name + ".mv.db");
    }

    /** What one command line did. */
    record Result(List<String> args, int exitCode, String out, String err) {

        Result succeeded() {
            assertThat(exitCode).as("exit code of %s%nstderr: %s", args, err).isZero();
            return this;
        }

        /**
         * Asserts the contract for errors: this exit code, nothing on stdout, and exactly one
         * line on stderr starting {@code gptmem: }.
         */
        Result failedWith(int expected) {
            assertThat(exitCode).as("exit code of %s%nstdout: %s%nstderr: %s", args, out, err).isEqualTo(expected);
            assertThat(out).as("stdout of a failed %s", args).isEmpty();
            assertThat(errorLines()).as("stderr of %s", args).hasSize(1);
            assertThat(errorLines().get(0)).as("stderr of %s", args).startsWith("gptmem: ");
            return this;
        }

        /** The error line, without the {@code gptmem: } prefix. */
        String error() {
            return errorLines().get(errorLines().size() - 1).substring("gptmem: ".length());
        }

        List<String> errorLines() {
            return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
        }

        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }
    }
}
