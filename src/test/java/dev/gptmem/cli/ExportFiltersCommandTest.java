package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** export's formats and filters, and its progress line. */
class ExportFiltersCommandTest extends CliTestBase {
    private static final String A = "0000000a-0000-4000-8000-000000000000";
    private static final String B = "0000000b-0000-4000-8000-000000000000";
    private static final String C = "0000000c-0000-4000-8000-000000000000";

    private static String record(String id, String content, String tag, boolean pinned, String created, String updated) {
        return String.format("{\"id\":\"%s\",\"content\":\"%s\",\"tags\":[\"%s\"],\"pinned\":%s,\"source\":\"cli\","
                + "\"created_at\":\"%s\",\"updated_at\":\"%s\"}\n", id, content, tag, pinned, created, updated);
    }

    /** Created C, A, B; A changed in January, B and C in March; A and C pinned. */
    @BeforeEach
    void seed() {
        importing(record(A, "alpha running", "x", true, "2026-01-02T00:00:00.000Z", "2026-01-02T00:00:00.000Z")
                + record(B, "beta running running running", "x", false, "2026-01-03T00:00:00.000Z",
                        "2026-03-01T00:00:00.000Z")
                + record(C, "gamma swimming", "y", true, "2026-01-01T00:00:00.000Z", "2026-03-02T00:00:00.000Z"))
                .succeeded();
    }

    private List<String> exported(String... filters) {
        String[] args = new String[filters.length + 3];
        args[0] = "export";
        args[1] = "--format";
        args[2] = "jsonl";
        System.arraycopy(filters, 0, args, 3, filters.length);
        return parse(run(args).succeeded().out()).stream().map(IncomingMemory::id).toList();
    }

    @Test
    void everyMemoryOldestFirstWithoutFilters() {
        assertThat(exported()).containsExactly(C, A, B);
    }

    @Test
    void listTakesTheSameTimeFilterWithItsOwnOrder() {
        assertThat(listed("--since", "2026-02-15")).containsExactly(B, C);
        assertThat(listed("--since", "2026-02-15", "--sort", "updated")).containsExactly(C, B);
        assertThat(listed("--since", "2026-02-15", "-t", "x", "--limit", "1")).containsExactly(B);
        assertThat(listed("--since", "2026-03-02T00:00:00.001Z")).isEmpty();
        assertThat(run("list", "--since", "last tuesday").failedWith(ExitCodes.USAGE).error()).startsWith("invalid date");
    }

    private List<String> listed(String... filters) {
        List<String> args = new java.util.ArrayList<>(List.of("list", "--jsonl"));
        args.addAll(List.of(filters));
        return parse(run(args.toArray(String[]::new)).succeeded().out()).stream().map(IncomingMemory::id).toList();
    }

    @Test
    void tagPinAndTimeFiltersCombine() {
        assertThat(exported("-t", "x")).containsExactly(A, B);
        assertThat(exported("--pinned")).containsExactly(C, A);
        assertThat(exported("--no-pinned")).containsExactly(B);
        assertThat(exported("--since", "2026-02-15")).containsExactly(C, B);
        assertThat(exported("--since", "2026-02-15T00:00:00Z", "--pinned")).containsExactly(C);
        assertThat(exported("-t", "x", "--since", "2026-02-15", "--pinned")).isEmpty();
    }

    @Test
    void queryExportsWhatSearchFindsInExportOrderNotRanked() {
        List<String> ranked = run("search", "running", "-q").succeeded().lines();
        assertThat(ranked).as("search ranks the memory that says it three times first").containsExactly(B, A);

        assertThat(exported("--query", "running")).containsExactly(A, B);
        assertThat(exported("--query", "running OR swimming", "--since", "2026-02-15")).containsExactly(C, B);
        assertThat(exported("--query", "running OR swimming", "--pinned", "-t", "x")).containsExactly(A);
        assertThat(exported("--query", "tag:y")).containsExactly(C);
        assertThat(exported("--query", "running -beta")).containsExactly(A);
        assertThat(exported("--query", "nothingmatches")).isEmpty();
    }

    @Test
    void theCountOnStandardErrorIsWhatWasWritten() {
        assertThat(run("export", "--query", "running", "-t", "x", "--format", "csv").succeeded().err())
                .isEqualTo("exported 2 memories from profile 'default'\n");
    }

    @Test
    void csvAndMarkdownCarryTheSelectedMemories() {
        Result csv = run("export", "--format", "csv", "-t", "x").succeeded();
        assertThat(csv.out()).startsWith("id,content,").contains(A + ",alpha running,", B + ",")
                .doesNotContain(C);
        assertThat(csv.out().split("\r\n")).hasSize(3);

        Result md = run("export", "--format", "md", "--pinned").succeeded();
        assertThat(md.out()).startsWith("# Memories: default\n").contains("## gamma swimming\n", "## alpha running\n",
                "- Pinned\n").doesNotContain("beta");
        assertThat(md.out().indexOf("## gamma")).isLessThan(md.out().indexOf("## alpha"));
    }

    @Test
    void badFiltersAreUsageErrors() {
        assertThat(run("export", "--query", "\"unclosed").failedWith(ExitCodes.USAGE).error()).contains("quote");
        assertThat(run("export", "--since", "last tuesday").failedWith(ExitCodes.USAGE).error())
                .contains("invalid date");
        run("export", "--format", "xml").failedWith(ExitCodes.USAGE);
        run("export", "--query", "running", "-t", "Not A Tag").failedWith(ExitCodes.USAGE);
    }

    @Test
    void progressOfAFilteredExportCountsWhatTheFiltersSelect() {
        env.put("GPTMEM_PROGRESS_DELAY", "0");
        terminal(Terminal.fixed(false, false, true, 80));
        assertThat(run("export", "--format", "jsonl", "-t", "x").succeeded().err()).contains("2/2  100%");
        assertThat(run("export", "--format", "jsonl", "--query", "swimming").succeeded().err()).contains("1/1  100%");
    }

    @Test
    void aQuickExportShowsNoProgressEvenOnATerminal() {
        terminal(Terminal.fixed(false, false, true, 80));
        Result quick = run("export", "--format", "jsonl").succeeded();
        assertThat(quick.err()).as("done before the default delay of a second")
                .isEqualTo("exported 3 memories from profile 'default'\n");
    }

    @Test
    void aProgressDelayThatIsNotANumberOfSecondsIsAUsageError() {
        env.put("GPTMEM_PROGRESS_DELAY", "soon");
        terminal(Terminal.fixed(false, false, true, 80));
        Result bad = run("export");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("gptmem: GPTMEM_PROGRESS_DELAY must be a number of seconds, not 'soon'\n");
    }

    @Test
    void progressGoesToStandardErrorOnlyWhenItIsATerminal() {
        env.put("GPTMEM_PROGRESS_DELAY", "0");
        String plain = run("export", "--format", "jsonl").succeeded().out();
        assertThat(run("export", "--format", "jsonl").succeeded().err()).doesNotContain("\r", "exporting");

        terminal(Terminal.fixed(false, true, false, 80));
        Result stdoutOnly = run("export", "--format", "jsonl").succeeded();
        assertThat(stdoutOnly.err()).doesNotContain("\r", "exporting");

        terminal(Terminal.fixed(false, false, true, 80));
        Result drawn = run("export", "--format", "jsonl").succeeded();
        assertThat(drawn.out()).as("standard output is the same data, nothing else").isEqualTo(plain);
        assertThat(drawn.err()).startsWith("\rexporting default  [").contains("3/3  100%")
                .endsWith("\nexported 3 memories from profile 'default'\n");
        assertThat(drawn.err()).doesNotContain("\u001b[");
    }

    @Test
    void importShowsProgressOnATerminalOnly() throws IOException {
        env.put("GPTMEM_PROGRESS_DELAY", "0");
        Path file = home.resolve("export.json");
        Files.writeString(file, run("export").succeeded().out(), StandardCharsets.UTF_8);

        assertThat(run("-p", "quiet", "import", file.toString()).succeeded().err()).doesNotContain("\r");

        terminal(Terminal.fixed(false, false, true, 80));
        Result drawn = run("-p", "copy", "import", file.toString()).succeeded();
        assertThat(drawn.err()).startsWith("\rimporting  [").contains("100%")
                .endsWith("\nimported 3, replaced 0, skipped 0 (0 duplicates) into new profile 'copy'\n");
        assertThat(drawn.out()).isEmpty();
    }
}
