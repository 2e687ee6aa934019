package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import and export stream: a profile far larger than the heap goes in and comes back out of a
 * JVM limited to 256 MB, as a plain export, an export of what a search finds, and a backup of the
 * whole home restored into another.
 *
 * <p>A million memories of a few bytes each took over six minutes to import on a two-core machine,
 * so this uses 200,000 memories of about 1.2 KB each instead: 240 MB of JSON Lines, which still
 * does not fit a 256 MB heap if either command holds all memories at once.
 */
class LargeImportIT {
    private static final int MEMORIES = 200_000;
    private static final String PADDING = "x".repeat(1_200);
    private static final Duration LIMIT = Duration.ofMinutes(5);

    @TempDir
    Path home;

    @TempDir
    Path files;

    @Test
    void largeProfileImportsAndExportsWithinASmallHeap() throws IOException {
        GptmemProcess gptmem = new GptmemProcess(home);
        Path input = files.resolve("large.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < MEMORIES; i++) {
                out.write("{\"content\": \"" + i + " " + PADDING + "\", \"tags\": [\"bulk\"]}\n");
            }
        }

        Result imported = gptmem.call("-p", "large", "import", input.toString())
                .jvmOptions("-Xmx256m").timeout(LIMIT).run();
        assertThat(imported.exitCode()).as("%s", imported).isZero();
        System.out.printf("imported %,d memories with -Xmx256m in %d s%n", MEMORIES, imported.took().toSeconds());

        Path output = files.resolve("export.jsonl");
        Result exported = gptmem.call("-p", "large", "export", "--format", "jsonl")
                .jvmOptions("-Xmx256m").stdoutTo(output).timeout(LIMIT).run();
        assertThat(exported.exitCode()).as("%s", exported).isZero();
        System.out.printf("exported %,d memories with -Xmx256m in %d s%n", MEMORIES, exported.took().toSeconds());

        BitSet seen = new BitSet(MEMORIES);
        Set<String> ids = new HashSet<>();
        long lines = 0;
        try (BufferedReader in = Files.newBufferedReader(output, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines++;
                Map<String, Object> memory = JsonTree.object(line);
                String content = (String) memory.get("content");
                assertThat(content).as("line %d", lines).endsWith(" " + PADDING);
                seen.set(Integer.parseInt(content.substring(0, content.indexOf(' '))));
                ids.add((String) memory.get("id"));
            }
        }
        assertThat(lines).as("lines exported").isEqualTo(MEMORIES);
        assertThat(seen.cardinality()).as("distinct memories exported").isEqualTo(MEMORIES);
        assertThat(ids).as("distinct ids").hasSize(MEMORIES);

        Path matched = files.resolve("matched.jsonl");
        Result query = gptmem.call("-p", "large", "export", "--format", "jsonl", "--query", "tag:bulk")
                .jvmOptions("-Xmx256m").stdoutTo(matched).timeout(LIMIT).run();
        assertThat(query.exitCode()).as("%s", query).isZero();
        assertThat(lines(matched)).as("memories a search of every one exports").isEqualTo(MEMORIES);

        Path backup = files.resolve("backup.json");
        Result all = gptmem.call("export", "--all", "-o", backup.toString())
                .jvmOptions("-Xmx256m").timeout(LIMIT).run();
        assertThat(all.exitCode()).as("%s", all).isZero();
        GptmemProcess restored = new GptmemProcess(files.resolve("restored-home"));
        Result restore = restored.call("import", "--all", backup.toString())
                .jvmOptions("-Xmx256m").timeout(LIMIT).run();
        assertThat(restore.exitCode()).as("%s", restore).isZero();
        System.out.printf("restored %,d memories with -Xmx256m in %d s%n", MEMORIES, restore.took().toSeconds());
        assertThat(restore.stderr())
                .contains("imported " + MEMORIES + ", replaced 0, skipped 0 (0 duplicates) into new profile 'large'");
    }

    private static long lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }
}
