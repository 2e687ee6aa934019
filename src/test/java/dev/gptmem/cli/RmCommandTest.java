package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RmCommandTest extends CliTestBase {
    private static final String A = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String B = "bbbbbbbb-0000-4000-8000-000000000002";
    private static final String C = "cccccccc-0000-4000-8000-000000000003";
    private static final String T = "2026-01-01T00:00:00.000Z";

    @BeforeEach
    void seed() {
        importing(jsonl(A, "a", "scratch", T, T) + jsonl(B, "b", "scratch", T, T) + jsonl(C, "c", "keep", T, T))
                .succeeded();
    }

    /** The contents of the memories left, newest first, run together: "cba" when none was deleted. */
    private String remaining() {
        StringBuilder contents = new StringBuilder();
        for (IncomingMemory m : memories()) {
            contents.append(m.content());
        }
        return contents.toString();
    }

    @Test
    void oneIdIsDeletedWithoutAsking() {
        Result result = run("rm", "aaaa").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("deleted 1 memory from profile 'default'\n");
        assertThat(remaining()).isEqualTo("cb");
    }

    @Test
    void severalIdsWithoutATerminalNeedYesAndDeleteNothingOtherwise() {
        Result refused = run("rm", A, B).failedWith(ExitCodes.FAILURE);
        assertThat(refused.error()).contains("-y");
        assertThat(remaining()).isEqualTo("cba");

        run("rm", A, B, "-y").succeeded();
        assertThat(remaining()).isEqualTo("c");
    }

    @Test
    void byTagDeletesOnlyTaggedMemories() {
        run("rm", "-t", "scratch").failedWith(ExitCodes.FAILURE);
        assertThat(remaining()).isEqualTo("cba");

        assertThat(run("rm", "-t", "SCRATCH", "--yes").succeeded().err()).contains("deleted 2 memories");
        assertThat(remaining()).isEqualTo("c");
    }

    @Test
    void tagMatchingOneMemoryNeedsNoConfirmation() {
        run("rm", "-t", "keep").succeeded();

        assertThat(remaining()).isEqualTo("ba");
    }

    @Test
    void allDeletesEveryMemoryOnlyWhenConfirmed() {
        run("rm", "--all").failedWith(ExitCodes.FAILURE);
        assertThat(remaining()).isEqualTo("cba");

        run("rm", "--all", "-y").succeeded();
        assertThat(memories()).isEmpty();
    }

    @Test
    void onATerminalAsksAndDeletesOnYes() {
        terminal(Terminal.fixed(true, true, 80));

        Result result = stdin("y\n").run("rm", "--all").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("Delete 3 memories from profile 'default'? [y/N]");
        assertThat(memories()).isEmpty();
    }

    @Test
    void onATerminalAnythingButYesDeletesNothing() {
        terminal(Terminal.fixed(true, true, 80));

        assertThat(stdin("n\n").run("rm", "-t", "scratch").err()).contains("[y/N]").contains("gptmem: nothing deleted");
        Result eof = stdin("").run("rm", "-t", "scratch");
        assertThat(eof.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(eof.out()).isEmpty();
        assertThat(remaining()).isEqualTo("cba");
    }

    @Test
    void unknownIdAmongKnownOnesDeletesNothing() {
        run("rm", A, "0123abcd", "-y").failedWith(ExitCodes.NOT_FOUND);

        assertThat(remaining()).isEqualTo("cba");
    }

    @Test
    void exactlyOneWayToSelectIsRequired() {
        assertThat(run("rm").failedWith(ExitCodes.USAGE).error()).contains("-t TAG", "--all");
        run("rm", A, "--all", "-y").failedWith(ExitCodes.USAGE);
        run("rm", "-t", "keep", "--all", "-y").failedWith(ExitCodes.USAGE);
        assertThat(remaining()).isEqualTo("cba");
    }
}
