package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ids may be given in full or as a unique prefix of 4+ hex digits, as in git. */
class IdPrefixTest extends CliTestBase {
    private static final String FIRST = "aaaa1111-0000-4000-8000-000000000001";
    private static final String SECOND = "aaaa2222-0000-4000-8000-000000000002";
    private static final String T = "2026-01-01T00:00:00.000Z";

    @BeforeEach
    void twoIdsSharingAPrefix() {
        importing(jsonl(FIRST, "first", null, T, T) + jsonl(SECOND, "second", null, T, T)).succeeded();
    }

    @Test
    void uniquePrefixOfFourOrMoreDigitsFindsTheMemory() {
        assertThat(parse(run("show", "aaaa1", "--jsonl").succeeded().out()))
                .extracting(IncomingMemory::id).containsExactly(FIRST);
        assertThat(parse(run("show", "AAAA2222-0", "--jsonl").succeeded().out()))
                .as("case-insensitive").extracting(IncomingMemory::id).containsExactly(SECOND);
        assertThat(parse(run("show", FIRST, "--jsonl").succeeded().out()))
                .extracting(IncomingMemory::id).containsExactly(FIRST);
    }

    @Test
    void ambiguousPrefixIsAUsageErrorListingTheCandidates() {
        Result show = run("show", "aaaa").failedWith(ExitCodes.USAGE);
        assertThat(show.error()).contains("ambiguous", "aaaa1111", "aaaa2222");

        run("edit", "aaaa", "-n", "x").failedWith(ExitCodes.USAGE);
        run("rm", "aaaa", "-y").failedWith(ExitCodes.USAGE);
        assertThat(memories()).hasSize(2).allSatisfy(m -> assertThat(m.name()).isNull());
    }

    @Test
    void prefixShorterThanFourDigitsOrNotHexIsAUsageError() {
        assertThat(run("show", "aaa").failedWith(ExitCodes.USAGE).error()).contains("4");
        run("show", "zzzz").failedWith(ExitCodes.USAGE);
        run("rm", "a", "-y").failedWith(ExitCodes.USAGE);
        assertThat(memories()).hasSize(2);
    }

    @Test
    void prefixThatMatchesNothingIsNotFound() {
        run("show", "bbbb").failedWith(ExitCodes.NOT_FOUND);
        run("edit", "bbbb", "-n", "x").failedWith(ExitCodes.NOT_FOUND);
        run("rm", "bbbb").failedWith(ExitCodes.NOT_FOUND);
    }

    @Test
    void likeWildcardsInAPrefixAreNotWildcards() {
        run("show", "aaaa%").failedWith(ExitCodes.USAGE);
        run("show", "aaaa_111").failedWith(ExitCodes.USAGE);
    }

    @Test
    void editAndRmAcceptPrefixes() {
        run("edit", "aaaa2", "-n", "Second").succeeded();
        assertThat(memory(SECOND).name()).isEqualTo("Second");

        run("rm", "aaaa1").succeeded();
        assertThat(memories()).extracting(IncomingMemory::id).containsExactly(SECOND);
    }
}
