package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ListCommandTest extends CliTestBase {
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String C = "cccccccc-0000-4000-8000-000000000003";

    /** Three memories created a day apart (A oldest), B updated last, C pinned; names sort C, A, B. */
    private void seed() {
        importing("{\"id\":\"" + A + "\",\"content\":\"alpha\",\"name\":\"Banana\",\"tags\":[\"fruit\",\"food\"],"
                + "\"created_at\":\"2026-01-01T00:00:00.000Z\",\"updated_at\":\"2026-01-01T00:00:00.000Z\"}\n"
                + "{\"id\":\"" + B + "\",\"content\":\"beta\",\"name\":\"cherry\",\"tags\":[\"fruit\"],"
                + "\"created_at\":\"2026-01-02T00:00:00.000Z\",\"updated_at\":\"2026-03-01T00:00:00.000Z\"}\n"
                + "{\"id\":\"" + C + "\",\"content\":\"gamma\",\"name\":\"apple\",\"pinned\":true,"
                + "\"created_at\":\"2026-01-03T00:00:00.000Z\",\"updated_at\":\"2026-01-03T00:00:00.000Z\"}\n")
                .succeeded();
    }

    private List<String> ids(String... args) {
        return run(args).succeeded().lines();
    }

    @Test
    void listsNewestFirstByDefault() {
        seed();

        assertThat(ids("list", "-q")).containsExactly(C, B, A);
        assertThat(ids("ls", "-q")).as("alias").containsExactly(C, B, A);
    }

    @Test
    void sortsAndReverses() {
        seed();

        assertThat(ids("list", "-q", "-r")).containsExactly(A, B, C);
        assertThat(ids("list", "-q", "--sort", "updated")).containsExactly(B, C, A);
        assertThat(ids("list", "-q", "--sort", "name")).as("case-insensitive A-Z").containsExactly(C, A, B);
        assertThat(ids("list", "-q", "--sort", "NAME", "--reverse")).containsExactly(B, A, C);
    }

    @Test
    void limitAndOffsetPage() {
        seed();

        assertThat(ids("list", "-q", "--limit", "2")).containsExactly(C, B);
        assertThat(ids("list", "-q", "--limit", "2", "--offset", "2")).containsExactly(A);
        assertThat(ids("list", "-q", "--offset", "1")).containsExactly(B, A);
    }

    @Test
    void aFullPageWithMoreAfterItSaysWhereItIsInTheWhole() {
        seed();

        Result first = run("list", "--limit", "2").succeeded();
        assertThat(first.out().lines()).hasSize(3);
        assertThat(first.err()).isEqualTo("memories 1-2 of 3; --offset 2 shows the next" + System.lineSeparator());
        assertThat(run("list", "--limit", "1", "--offset", "1").succeeded().err())
                .isEqualTo("memory 2 of 3; --offset 2 shows the next" + System.lineSeparator());
        assertThat(run("list", "--limit", "2", "--offset", "1").succeeded().err()).as("the last page").isEmpty();
        assertThat(run("list", "--limit", "3").succeeded().err()).as("all of them").isEmpty();
        assertThat(run("list", "--limit", "1", "-t", "nothing").succeeded().err()).doesNotContain("--offset");
        // Counting what passes a filter would read every memory; the page says only that more follow.
        assertThat(run("list", "--limit", "1", "-t", "fruit").succeeded().err())
                .isEqualTo("memory 1; --offset 1 shows the next" + System.lineSeparator());
        assertThat(run("list", "--limit", "2", "-t", "fruit").succeeded().err()).as("exactly a page").isEmpty();
        assertThat(run("list", "--limit", "1", "--json").succeeded().err()).as("for scripts").isEmpty();
        assertThat(run("list", "--limit", "1", "-q").succeeded().err()).isEmpty();
    }

    @Test
    void anEmptyPageSaysThatThePagingLeftNothing() {
        seed();

        assertThat(run("list", "--offset", "5").succeeded().err())
                .isEqualTo("no memories found in profile 'default' past the first 5" + System.lineSeparator());
        assertThat(run("list", "--limit", "0").succeeded().err())
                .isEqualTo("no memories found in profile 'default' (--limit 0 shows none)" + System.lineSeparator());
        assertThat(run("list", "-t", "nothing").succeeded().err())
                .isEqualTo("no memories found in profile 'default'" + System.lineSeparator());
    }

    @Test
    void filtersByTagsAllOfWhichMustMatch() {
        seed();

        assertThat(ids("list", "-q", "-t", "fruit")).containsExactly(B, A);
        assertThat(ids("list", "-q", "-t", "FRUIT,food")).containsExactly(A);
        assertThat(ids("list", "-q", "-t", "fruit", "-t", "nope")).isEmpty();
    }

    @Test
    void filtersByPinned() {
        seed();

        assertThat(ids("list", "-q", "--pinned")).containsExactly(C);
        assertThat(ids("list", "-q", "--no-pinned")).containsExactly(B, A);
    }

    @Test
    void jsonIsOneArrayAndJsonlOneRecordPerLine() {
        seed();

        Result json = run("list", "--json").succeeded();
        assertThat(json.out()).startsWith("[").endsWith("]\n");
        assertThat(parse(json.out())).extracting(IncomingMemory::id).containsExactly(C, B, A);
        assertThat(json.err()).isEmpty();

        Result jsonl = run("list", "--jsonl").succeeded();
        assertThat(jsonl.lines()).hasSize(3).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        IncomingMemory a = parse(jsonl.lines().get(2)).get(0);
        assertThat(a.content()).isEqualTo("alpha");
        assertThat(a.tags()).containsExactly("food", "fruit");
    }

    @Test
    void tableShowsShortIdsPinMarkTagsAndHeadline() {
        seed();

        List<String> table = run("list").succeeded().lines();

        assertThat(table).hasSize(4);
        assertThat(table.get(0)).contains("ID", "PIN", "CREATED", "TAGS", "MEMORY");
        assertThat(table.get(1)).startsWith("cccccccc ").contains("*").endsWith("apple");
        assertThat(table.get(3)).startsWith("aaaaaaaa ").contains("food,fruit").endsWith("Banana");
        assertThat(String.join("\n", table)).doesNotContain("\u001b[");
    }

    @Test
    void colourOnlyOnATerminalAndNeverWithNoColor() {
        seed();
        terminal(Terminal.fixed(false, true, 120));

        assertThat(run("list").succeeded().out()).contains("\u001b[");
        assertThat(run("list", "--jsonl").succeeded().out()).doesNotContain("\u001b[");

        env.put("NO_COLOR", "1");
        assertThat(run("list").succeeded().out()).doesNotContain("\u001b[");
    }

    @Test
    void onATerminalLongLinesAreCutToItsWidthButNotInAPipe() {
        String longText = "word ".repeat(40).strip();
        add(longText);
        env.put("NO_COLOR", "1");

        terminal(Terminal.fixed(false, true, 60));
        List<String> narrow = run("list").succeeded().lines();
        assertThat(narrow).allSatisfy(line -> assertThat(line.codePointCount(0, line.length())).isLessThanOrEqualTo(60));
        assertThat(narrow.get(1)).endsWith("…");

        terminal(Terminal.PIPES);
        assertThat(run("list").succeeded().lines().get(1)).endsWith(longText);
    }

    @Test
    void wideCharactersKeepTheColumnsAlignedAndTheLineWithinTheTerminal() {
        add("-t", "日本", "日本語のメモ ".repeat(20).strip());
        add("-t", "nihon", "plain memory");
        add("-t", "🎉", "party");
        env.put("NO_COLOR", "1");
        terminal(Terminal.fixed(false, true, 60));

        List<String> table = run("list").succeeded().lines();

        int memoryColumn = columns(table.get(0).substring(0, table.get(0).indexOf("MEMORY")));
        for (String line : table.subList(1, table.size())) {
            String memory = Stream.of("日本語", "plain", "party").filter(line::contains).findFirst().orElseThrow();
            assertThat(columns(line.substring(0, line.indexOf(memory)))).as(line).isEqualTo(memoryColumn);
            assertThat(columns(line)).as(line).isLessThanOrEqualTo(60);
        }
        assertThat(table.get(3)).endsWith("…");
    }

    /** Columns on a terminal for this test's text: the kana, kanji and emoji in it take two. */
    private static int columns(String text) {
        return text.codePoints().map(c -> c >= 0x3000 && c <= 0x9FFF || c >= 0x1F300 ? 2 : 1).sum();
    }

    @Test
    void controlCharactersInMemoriesAreShownNotSentToTheTerminal() {
        add("-t", "ctl", "-n", "title\u001b]0;pwned\u0007", "red \u001b[31mtext\u001b[0m and \u0007bell");
        env.put("NO_COLOR", "1");
        terminal(Terminal.fixed(false, true, 200));

        assertThat(run("list").succeeded().out()).doesNotContain("\u001b", "\u0007").contains("title^[]0;pwned^G");
        assertThat(run("search", "red").succeeded().out()).doesNotContain("\u001b", "\u0007")
                .contains("[red] ^[[31mtext^[[0m and ^Gbell");
        assertThat(run("list", "--jsonl").succeeded().out()).contains("\\u001B[31m");
    }

    @Test
    void emptyProfilePrintsNoDataAndSaysSoOnStderr() {
        Result table = run("list").succeeded();
        assertThat(table.out()).isEmpty();
        assertThat(table.err()).contains("no memories");

        String json = run("list", "--json").succeeded().out();
        assertThat(json).startsWith("[");
        assertThat(parse(json)).isEmpty();
        assertThat(run("list", "--jsonl").succeeded().out()).isEmpty();
        assertThat(run("list", "-q").succeeded().out()).isEmpty();
    }

    @Test
    void aMistypedProfileIsNotFoundWithTheNameMeant() {
        run("profile", "create", "trainer").succeeded();

        assertThat(run("-p", "trainr", "list").failedWith(ExitCodes.NOT_FOUND).error()).isEqualTo(
                "no profile 'trainr'; did you mean 'trainer'? (or create it with 'gptmem profile create trainr')");
        assertThat(run("profile", "show", "trainr").failedWith(ExitCodes.NOT_FOUND).error())
                .isEqualTo("no profile 'trainr'; did you mean 'trainer'?");
        assertThat(run("-p", "zzz", "list").failedWith(ExitCodes.NOT_FOUND).error())
                .isEqualTo("no profile 'zzz' (create it with 'gptmem profile create zzz', or see 'gptmem profile list')");
        assertThat(profileFile("trainr")).doesNotExist();
    }

    @Test
    void unknownProfileIsNotFound() {
        assertThat(run("-p", "nobody", "list").failedWith(ExitCodes.NOT_FOUND).error()).contains("nobody");
        assertThat(profileFile("nobody")).doesNotExist();
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        run("list", "--json", "--jsonl").failedWith(ExitCodes.USAGE);
        run("list", "--limit", "-1").failedWith(ExitCodes.USAGE);
        run("list", "--limit", "many").failedWith(ExitCodes.USAGE);
        run("list", "--sort", "size").failedWith(ExitCodes.USAGE);
    }
}
