package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.Cancellation;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C part-way through a long command, asked for in-process as the shell's handler and the
 * program's shutdown hook ask: the command stops, leaves everything as it was, and says so.
 * The real signals are sent to the real program in the end-to-end tests.
 */
class CancellationCommandTest extends CliTestBase {

    @AfterEach
    void forgetTheRequest() {
        Cancellation.reset();
    }

    @Test
    void anImportStoppedPartWayImportsNothingAndLeavesNoCopyBehind() throws IOException {
        add("kept");

        Result result = stdin(cancellingAfter(50_000, input(5_000))).run("import").failedWith(ExitCodes.CANCELLED);

        assertThat(result.error()).isEqualTo("cancelled; nothing was imported");
        assertThat(memories()).extracting(IncomingMemory::content).containsExactly("kept");
        assertThat(filesIn(home.resolve("profiles"))).containsExactlyInAnyOrder("default.mv.db", "default.lock");
    }

    @Test
    void inputCutShortByTheSameCtrlCIsReportedAsTheCancellation() {
        // Ctrl-C in 'gptmem export | gptmem import' stops both: the import may see its input end
        // part-way through a record before it sees the request.
        byte[] cut = (new String(input(1_000), StandardCharsets.UTF_8) + "{\"content\": \"cut sh")
                .getBytes(StandardCharsets.UTF_8);
        InputStream in = new ByteArrayInputStream(cut) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                int n = super.read(buffer, offset, length);
                if (n < 0) {
                    Cancellation.request();
                }
                return n;
            }
        };

        Result result = stdin(in).run("import").failedWith(ExitCodes.CANCELLED);

        assertThat(result.error()).isEqualTo("cancelled; nothing was imported");
        assertThat(memories()).isEmpty();
    }

    @Test
    void aProfileTheImportWouldHaveCreatedIsNotLeftBehind() {
        stdin(cancellingAfter(50_000, input(5_000))).run("-p", "fresh", "import").failedWith(ExitCodes.CANCELLED);

        assertThat(run("profile", "list", "-q").succeeded().out()).doesNotContain("fresh");
    }

    @Test
    void aRestoreStoppedWhileCheckingTheBackupRestoresNothing() throws IOException {
        add("in the backup");
        Path backup = home.resolve("home.json");
        run("export", "--all", "-o", backup.toString()).succeeded();
        run("rm", "--all", "-y").succeeded();

        Cancellation.request();
        Result result = run("import", "--all", backup.toString()).failedWith(ExitCodes.CANCELLED);

        assertThat(result.error()).isEqualTo("profile 'default': cancelled; nothing was imported");
        Cancellation.reset();
        assertThat(memories()).isEmpty();
    }

    @Test
    void anExportToAFileStoppedPartWayLeavesTheFileAsItWasAndNoPartOfTheNewOne() throws IOException {
        add("one");
        add("two");
        Path file = home.resolve("backup.json");
        Files.writeString(file, "the old backup");

        Cancellation.request();
        Result result = run("export", "-o", file.toString()).failedWith(ExitCodes.CANCELLED);

        assertThat(result.error()).isEqualTo("cancelled; " + file + " was not written");
        assertThat(Files.readString(file)).isEqualTo("the old backup");
        assertThat(filesIn(home)).noneMatch(name -> name.contains("partial"));
    }

    @Test
    void aReindexStoppedPartWayLeavesTheIndexAsItWas() {
        String id = add("a memory worth finding");

        Cancellation.request();
        Result result = run("profile", "reindex").failedWith(ExitCodes.CANCELLED);

        assertThat(result.error()).isEqualTo("cancelled; the index is as it was");
        Cancellation.reset();
        assertThat(run("search", "-q", "worth").succeeded().out().strip()).isEqualTo(id);
    }

    /** JSON Lines of {@code count} distinct memories. */
    private static byte[] input(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append("{\"content\": \"memory number ").append(i).append(" of a long import\"}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Gives {@code bytes}, asking to cancel once the reader is {@code after} bytes in, as Ctrl-C would. */
    private static InputStream cancellingAfter(int after, byte[] bytes) {
        assertThat(bytes.length).as("input longer than the point it is cancelled at").isGreaterThan(after * 2);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] buffer, int offset, int length) {
                if (pos >= after) {
                    Cancellation.request();
                }
                return super.read(buffer, offset, length);
            }
        };
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
