package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An import is atomic: bad input anywhere fails with exit 1 and one error line naming where, and
 * leaves the target profile exactly as it was, or, if the import would have created it, absent.
 */
class MalformedImportIT extends E2eTest {
    private static final int MAX_CONTENT = 100_000;
    private static final int BAD_LINE = 50_000;

    @BeforeEach
    void profileWithMemories() {
        Result seed = gptmem.call("-p", "target", "import", "-").stdin(RoundTripIT.FIXTURE).run();
        assertThat(seed.exitCode()).as("%s", seed).isZero();
    }

    /**
     * @param write   writes the input into the given folder and returns the file
     * @param viaFile import it as {@code import FILE} rather than {@code import -} on standard input
     * @param where   what the error line must name
     */
    record BadInput(String name, Function<Path, Path> write, boolean viaFile, List<String> where) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadInput> badInputs() {
        return Stream.of(
                small("truncated JSON", "[{\"content\": \"fine\"}, {\"content\": \"cut off", "line 1"),
                small("pinned as a string", "[{\"content\": \"fine\"},\n {\"content\": \"x\", \"pinned\": \"yes\"}]",
                        "record 2", "pinned"),
                small("tags as a string", "[{\"content\": \"fine\"},\n {\"content\": \"x\", \"tags\": \"a\"}]",
                        "record 2", "tags"),
                small("missing content", "[{\"content\": \"fine\"},\n {\"name\": \"no content here\"}]",
                        "record 2", "content"),
                small("content one character over the limit",
                        "[{\"content\": \"" + "x".repeat(MAX_CONTENT + 1) + "\"}]", "record 1", "content"),
                small("unknown format", "{\"format\": \"other\"}", "line 1", "format"),
                small("ChatGPT text that is not UTF-8", "Prefers metric units\nRuns on Mondays \u00e0 l'aube\n",
                        StandardCharsets.ISO_8859_1, "line 2", "UTF-8"),
                small("MCP graph with an unknown type", "{\"type\":\"entity\",\"name\":\"A\",\"entityType\":\"t\"}\n"
                        + "{\"type\":\"node\",\"name\":\"B\"}\n", "line 2", "type"),
                small("GPT API record without a description", "[{\"name\": \"a\", \"description\": \"b\"},\n"
                        + " {\"name\": \"c\", \"summary\": \"d\"}]", "record 2", "content"),
                small("mem0 memory with categories as a string", "{\"results\": [{\"memory\": \"a\"},\n"
                        + " {\"memory\": \"b\", \"categories\": \"food\"}]}", "record 2", "categories"),
                new BadInput("JSONL with a wrongly typed record at line 50,000",
                        dir -> jsonl(dir, "{\"content\": \"bad\", \"pinned\": \"yes\"}"), true,
                        List.of("line " + BAD_LINE, "pinned")),
                new BadInput("JSONL with a truncated record at line 50,000",
                        dir -> jsonl(dir, "{\"content\": \"cut off\", "), true, List.of("line " + BAD_LINE)));
    }

    private static BadInput small(String name, String text, String... where) {
        return small(name, text, StandardCharsets.UTF_8, where);
    }

    private static BadInput small(String name, String text, Charset charset, String... where) {
        return new BadInput(name, dir -> writeFile(dir.resolve("input"), text, charset), false, List.of(where));
    }

    /** 60,000 good lines of JSONL, except line 50,000. */
    private static Path jsonl(Path dir, String badLine) {
        Path file = dir.resolve("input.jsonl");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int line = 1; line <= 60_000; line++) {
                out.write(line == BAD_LINE ? badLine : "{\"content\": \"memory " + line + "\", \"tags\": [\"bulk\"]}");
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputChangesNothing(BadInput input) {
        Path file = input.write().apply(files);
        Map<String, Object> before = export("target");
        List<String> profilesBefore = profiles();

        Result intoExisting = importInto("target", input, file);
        assertThat(intoExisting.exitCode()).as("%s", intoExisting).isEqualTo(1);
        assertThat(intoExisting.stdout()).isEmpty();
        assertThat(intoExisting.errorLine()).contains(input.where());
        assertThat(export("target")).as("profile 'target' after the failed import").isEqualTo(before);

        Result intoNew = importInto("fresh", input, file);
        assertThat(intoNew.exitCode()).as("%s", intoNew).isEqualTo(1);
        assertThat(intoNew.errorLine()).contains(input.where());
        assertThat(profiles()).as("profiles after a failed import into a new one").isEqualTo(profilesBefore);
        assertThat(home.resolve("profiles").resolve("fresh.mv.db")).doesNotExist();
    }

    @Test
    void contentOfExactlyTheLimitIsAccepted() {
        String longest = "y".repeat(MAX_CONTENT - 1) + "z";
        Result result = gptmem.call("-p", "target", "import", "-")
                .stdin("[{\"id\": \"00000000-0000-4000-8000-00000000abcd\", \"content\": \"" + longest + "\"}]")
                .run();
        assertThat(result.exitCode()).as("%s", result).isZero();

        Result show = gptmem.run("-p", "target", "show", "00000000-0000-4000-8000-00000000abcd", "--jsonl");
        assertThat(show.exitCode()).as("%s", show).isZero();
        assertThat(JsonTree.lines(show.stdout()).get(0).get("content")).isEqualTo(longest);
    }

    private Result importInto(String profile, BadInput input, Path file) {
        return input.viaFile()
                ? gptmem.run("-p", profile, "import", file.toString())
                : gptmem.call("-p", profile, "import", "-").stdinFrom(file).run();
    }

    /** The whole export document but its time of writing, which differs on every export. */
    private Map<String, Object> export(String profile) {
        Result export = gptmem.run("-p", profile, "export");
        assertThat(export.exitCode()).as("%s", export).isZero();
        Map<String, Object> document = JsonTree.object(export.stdout());
        document.remove("exported_at");
        return document;
    }

    private List<String> profiles() {
        Result list = gptmem.run("profile", "list", "-q");
        assertThat(list.exitCode()).as("%s", list).isZero();
        return list.stdoutLines();
    }

    private static Path writeFile(Path file, String text, Charset charset) {
        try {
            return Files.writeString(file, text, charset);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
