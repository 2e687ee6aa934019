package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.gptmem.e2e.GptmemProcess.Result;
import dev.gptmem.e2e.GptmemProcess.Running;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Several gptmem processes on one profile: writers take turns, nobody's write is lost. */
class ConcurrencyIT extends E2eTest {
    private static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

    @Test
    void twoAddsStartedTogetherBothSucceed() {
        List<String> ids = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            try (Running first = gptmem.call("add", "round " + round + " first").start();
                 Running second = gptmem.call("add", "round " + round + " second").start()) {
                first.closeStdin();
                second.closeStdin();
                for (Result add : List.of(first.await(GptmemProcess.DEFAULT_TIMEOUT),
                        second.await(GptmemProcess.DEFAULT_TIMEOUT))) {
                    assertThat(add.exitCode()).as("round %d: %s", round, add).isZero();
                    assertThat(add.stdout()).matches(RoundTripIT.UUID_V4 + "\\R");
                    ids.add(add.stdout().strip());
                }
            }
        }
        Result list = gptmem.run("list", "-q");
        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.stdoutLines()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void twoImportsStartedTogetherBothLandInFull() throws IOException {
        Set<String> expected = new HashSet<>();
        Path left = memories(files.resolve("left.json"), "left", 2_000, expected);
        Path right = memories(files.resolve("right.json"), "right", 2_000, expected);

        try (Running a = gptmem.call("import", left.toString()).start();
             Running b = gptmem.call("import", right.toString()).start()) {
            a.closeStdin();
            b.closeStdin();
            Result first = a.await(GptmemProcess.DEFAULT_TIMEOUT);
            Result second = b.await(GptmemProcess.DEFAULT_TIMEOUT);
            assertThat(first.exitCode()).as("%s", first).isZero();
            assertThat(second.exitCode()).as("%s", second).isZero();
        }
        Result list = gptmem.run("list", "-q");
        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.stdoutLines()).hasSize(4_000).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aCommandThatCannotWaitLongerNamesTheHolder() {
        try (Running importing = holdProfile("held")) {
            Result add = gptmem.call("-p", "held", "add", "must not get in").env("GPTMEM_LOCK_TIMEOUT", "1").run();
            assertThat(add.exitCode()).as("%s", add).isEqualTo(1);
            assertThat(add.took()).as("gives up after its own 1 s, not the default %s", DEFAULT_LOCK_TIMEOUT)
                    .isLessThan(DEFAULT_LOCK_TIMEOUT);
            assertThat(add.stdout()).isEmpty();
            assertThat(add.errorLine()).contains("held", "import", Long.toString(importing.pid()));

            finish(importing);
        }
        Result later = gptmem.run("-p", "held", "add", "after the import");
        assertThat(later.exitCode()).as("%s", later).isZero();
        assertThat(contents("held")).containsExactlyInAnyOrder("first held memory", "second held memory",
                "after the import");
    }

    @Test
    void aWaitingCommandGoesAheadOnceTheHolderFinishes() {
        try (Running importing = holdProfile("held");
             Running add = gptmem.call("-p", "held", "add", "waited its turn").start()) {
            add.closeStdin();
            assertThat(add.endsWithin(Duration.ofSeconds(4)))
                    .as("add finished while the import held the profile: %s", add.stderrSoFar()).isFalse();

            finish(importing);

            Result added = add.await(GptmemProcess.DEFAULT_TIMEOUT);
            assertThat(added.exitCode()).as("%s", added).isZero();
            assertThat(added.stdout()).matches(RoundTripIT.UUID_V4 + "\\R");
        }
        assertThat(contents("held")).containsExactlyInAnyOrder("first held memory", "second held memory",
                "waited its turn");
    }

    /**
     * Starts {@code import -} into a new profile and sends it the first record of an array, keeping
     * standard input open: the import now holds the profile until its input ends. The profile's file
     * appearing shows the import has it open.
     */
    private Running holdProfile(String profile) {
        Running importing = gptmem.call("-p", profile, "import", "-").start();
        importing.write("[{\"content\": \"first held memory\"},\n");
        Path file = home.resolve("profiles").resolve(profile + ".mv.db");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file)) {
            if (!importing.isAlive()) {
                fail("the import ended early: " + importing.await(Duration.ofSeconds(5)));
            }
            if (System.nanoTime() > deadline) {
                fail("the import did not open profile '" + profile + "' within 30 s; stderr: "
                        + importing.stderrSoFar());
            }
            pause(Duration.ofMillis(50));
        }
        return importing;
    }

    private static void finish(Running importing) {
        importing.write("{\"content\": \"second held memory\"}]\n");
        importing.closeStdin();
        Result imported = importing.await(GptmemProcess.DEFAULT_TIMEOUT);
        assertThat(imported.exitCode()).as("%s", imported).isZero();
    }

    private List<Object> contents(String profile) {
        Result list = gptmem.run("-p", profile, "list", "--jsonl");
        assertThat(list.exitCode()).as("%s", list).isZero();
        return JsonTree.lines(list.stdout()).stream().map(m -> m.get("content")).toList();
    }

    /** Writes a JSON array of {@code count} memories with fresh ids, adding the ids to {@code ids}. */
    private static Path memories(Path file, String label, int count, Set<String> ids) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("[\n");
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                out.write((i == 0 ? "" : ",\n") + "{\"id\": \"" + id + "\", \"content\": \"" + label + " " + i
                        + "\", \"tags\": [\"" + label + "\"]}");
            }
            out.write("\n]\n");
        }
        return file;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
    }
}
