package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import dev.gptmem.e2e.GptmemProcess.Running;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C typed on a real terminal, and SIGTERM, sent to the real program part-way through long
 * work: the work stops, everything is as it was before it began, and the program says so.
 */
class CancellationIT extends E2eTest {
    private static final Duration STEP = Duration.ofSeconds(60);
    /** Enough memories that importing them takes several seconds, so the signal comes mid-way. */
    private static final int MEMORIES = 100_000;
    private static final String CTRL_C = "\u0003";

    @Test
    void ctrlCStopsAnImportLeavingTheProfileAsItWasAndNoCopyBehind() throws IOException {
        assertThat(gptmem.call("add", "kept").run().exitCode()).isZero();
        Path input = input();

        try (Running running = gptmem.call("import", input.toString()).env("GPTMEM_PROGRESS_DELAY", "0")
                .onTerminal().start()) {
            running.awaitOutput("importing", STEP);
            running.write(CTRL_C);
            Result result = running.await(STEP);

            assertThat(result.exitCode()).as("%s", result).isEqualTo(130);
            assertThat(result.stdout()).contains("gptmem: cancelled; nothing was imported");
        }
        Result listed = gptmem.call("list", "-q").run();
        assertThat(listed.stdoutLines()).as("%s", listed).hasSize(1);
        assertThat(filesIn(home.resolve("profiles"))).containsExactlyInAnyOrder("default.mv.db", "default.lock");
    }

    @Test
    void ctrlCInTheShellStopsTheImportAndTheSessionGoesOn() throws IOException {
        Path input = input();

        try (Running shell = gptmem.call("shell").env("GPTMEM_PROGRESS_DELAY", "0").onTerminal().start()) {
            shell.awaitOutput("default (0)> ", STEP);
            shell.write("import " + input + "\r");
            shell.awaitOutput("importing", STEP);
            shell.write(CTRL_C);
            shell.awaitOutput("gptmem: cancelled; nothing was imported", STEP);

            shell.write("add \"after the cancelled import\"\r");
            shell.awaitOutput("default (1)> ", STEP);
            // The Ctrl-C was for the import alone: the next long command runs to its end.
            shell.write("export -o " + files.resolve("after.json") + "\r");
            shell.awaitOutput("exported 1 memory", STEP);
            shell.write("exit\r");
            Result ended = shell.await(STEP);
            assertThat(ended.exitCode()).as("%s", ended).isZero();
        }
        assertThat(filesIn(home.resolve("profiles"))).containsExactlyInAnyOrder("default.mv.db", "default.lock");
    }

    @Test
    void terminatingAnExportToAFileLeavesNoPartOfItBehind() throws IOException, InterruptedException {
        Result imported = gptmem.call("import", input().toString()).timeout(Duration.ofMinutes(5)).run();
        assertThat(imported.exitCode()).as("%s", imported).isZero();
        Path output = files.resolve("backup.json");
        Path partial = files.resolve(".backup.json.partial");

        try (Running running = gptmem.call("export", "-o", output.toString()).start()) {
            long deadline = System.nanoTime() + STEP.toNanos();
            while (!Files.exists(partial) && running.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(partial).as("the export's file while it is written").exists();
            Result result = running.terminate().await(STEP);

            assertThat(result.exitCode()).as("%s", result).isEqualTo(143);
            assertThat(result.errorLine()).isEqualTo("gptmem: cancelled; " + output + " was not written");
        }
        assertThat(filesIn(files)).doesNotContain("backup.json", ".backup.json.partial");
    }

    @Test
    void aSignalPastTheLastPointOfStoppingLetsTheWorkFinishAndSucceed() throws InterruptedException {
        String content = longMemory();
        assertThat(gptmem.call("add").stdin(content).run().exitCode()).isZero();

        try (Running running = gptmem.call("export").stdoutUnread().start()) {
            // Blocked writing its one memory, the export has looked for a signal for the last time.
            awaitBlockedWriting(running);
            running.terminate();
            // Long enough for the signal to start the program's shutdown, which waits for the export.
            Thread.sleep(1_000);
            Result result = running.readStdout().await(STEP);

            assertThat(result.exitCode()).as("%s", result).isZero();
            assertThat(result.stderrLines()).containsExactly("exported 1 memory from profile 'default'");
            List<Map<String, Object>> memories = JsonTree.objects(JsonTree.object(result.stdout()).get("memories"));
            assertThat(memories).hasSize(1);
            assertThat(memories.get(0)).containsEntry("content", content);
        }
    }

    @Test
    void aScriptEndedByASignalRunsNoFurtherLineAndFails() throws InterruptedException {
        assertThat(gptmem.call("add").stdin(longMemory()).run().exitCode()).isZero();

        try (Running running = gptmem.call("shell").stdoutUnread().start()) {
            running.write("export\nadd \"after the signal\"\n").closeStdin();
            awaitBlockedWriting(running);
            running.terminate();
            Thread.sleep(1_000);
            Result result = running.readStdout().await(STEP);

            // The export on its line finished, but the script did not: a signal's status, not success.
            assertThat(result.exitCode()).as("%s", result).isEqualTo(143);
        }
        Result listed = gptmem.call("list", "-q").run();
        assertThat(listed.stdoutLines()).as("%s", listed).hasSize(1);
    }

    /** A memory bigger than a pipe holds, so that writing it blocks until the pipe is read. */
    private static String longMemory() {
        return "a memory longer than a pipe holds ".repeat(2_900);
    }

    /** Waits until the command's standard output is full and still: it is blocked, writing. */
    private static void awaitBlockedWriting(Running running) throws InterruptedException {
        long deadline = System.nanoTime() + STEP.toNanos();
        int unread = -1;
        int still = 0;
        while (still < 30) {
            assertThat(running.isAlive()).as("the command, before its output is read").isTrue();
            assertThat(System.nanoTime()).as("time to fill the pipe").isLessThan(deadline);
            Thread.sleep(10);
            int now = running.stdoutUnread();
            still = now > 0 && now == unread ? still + 1 : 0;
            unread = now;
        }
    }

    /** JSON Lines of {@link #MEMORIES} distinct memories, about 12 MB. */
    private Path input() throws IOException {
        Path input = files.resolve("memories.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < MEMORIES; i++) {
                out.write("{\"content\": \"memory " + i + " of many, written to be imported and stopped part-way"
                        + " through\", \"tags\": [\"bulk\"]}\n");
            }
        }
        return input;
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
