package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShowCommandTest extends CliTestBase {

    @Test
    void showsEveryFieldAndTheContentAsItIs() {
        String id = add("-n", "Plan", "-s", "Weekly runs", "-r", "Asked to remember", "-t", "fitness",
                "--pin", "Runs 5k\non Mon, Wed, Fri");

        Result result = run("show", id).succeeded();

        assertThat(result.lines().get(0)).startsWith(id).contains("pinned");
        assertThat(result.out()).contains("name:    Plan", "summary: Weekly runs", "tags:    fitness",
                "reason:  Asked to remember", "source:  cli");
        assertThat(result.out()).matches("(?s).*created: \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\n.*");
        assertThat(result.out()).endsWith("\n\nRuns 5k\non Mon, Wed, Fri\n");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void onATerminalControlCharactersAreShownButAPipeGetsTheContentAsItIs() {
        String content = "line one\n\tred \u001b[31mtext\u001b[0m\r\nbell\u0007";
        String id = add("-n", "name\u001b[2J", "-t", "ctl\u009b", content);

        assertThat(run("show", id).succeeded().out()).endsWith("\n\n" + content + "\n").contains("name:    name^[[2J");

        terminal(Terminal.fixed(false, true, 80));
        env.put("NO_COLOR", "1");
        String shown = run("show", id).succeeded().out();
        assertThat(shown).doesNotContain("\u001b", "\u0007", "\u009b")
                .contains("name:    name^[[2J", "tags:    ctl<U+009B>")
                .endsWith("\n\nline one\n\tred ^[[31mtext^[[0m\r\nbell^G\n");
    }

    @Test
    void showsSeveralInTheOrderGiven() {
        String first = add("first");
        String second = add("second");

        List<IncomingMemory> json = parse(run("show", second, first, "--json").succeeded().out());
        assertThat(json).extracting(IncomingMemory::content).containsExactly("second", "first");

        Result table = run("show", first, second).succeeded();
        assertThat(table.out().indexOf("first")).isLessThan(table.out().indexOf("second"));
    }

    @Test
    void jsonlAndQuietFormats() {
        String id = add("-t", "x", "text");

        assertThat(parse(run("show", id, "--jsonl").succeeded().out()).get(0).tags()).containsExactly("x");
        assertThat(run("show", id, "-q").succeeded().out()).isEqualTo(id + "\n");
    }

    @Test
    void unknownIdIsNotFoundAndPrintsNothing() {
        String known = add("known");

        Result result = run("show", known, "0123abcd").failedWith(ExitCodes.NOT_FOUND);
        assertThat(result.error()).contains("0123abcd").contains("default");
    }

    @Test
    void needsAnId() {
        run("show").failedWith(ExitCodes.USAGE);
    }
}
