package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchCommandTest extends CliTestBase {
    private static final String METRIC = "00000001-0000-4000-8000-000000000000";
    private static final String NAMED = "00000002-0000-4000-8000-000000000000";
    private static final String SUMMARISED = "00000003-0000-4000-8000-000000000000";
    private static final String REASONED = "00000004-0000-4000-8000-000000000000";
    private static final String TAGGED = "00000005-0000-4000-8000-000000000000";
    private static final String PERCENT = "00000006-0000-4000-8000-000000000000";

    @BeforeEach
    void seed() {
        importing("{\"id\":\"" + METRIC + "\",\"content\":\"Prefers Metric units for distances\"}\n"
                + "{\"id\":\"" + NAMED + "\",\"content\":\"content without the word\",\"name\":\"Kilimanjaro trip\"}\n"
                + "{\"id\":\"" + SUMMARISED + "\",\"content\":\"coffee habits\",\"summary\":\"Espresso daily\"}\n"
                + "{\"id\":\"" + REASONED + "\",\"content\":\"health note\",\"reason\":\"Mentioned Penicillin allergy\"}\n"
                + "{\"id\":\"" + TAGGED + "\",\"content\":\"plays on Thursdays\",\"tags\":[\"volleyball\"]}\n"
                + "{\"id\":\"" + PERCENT + "\",\"content\":\"Saves 10% of income\"}\n").succeeded();
    }

    private List<String> search(String... words) {
        String[] args = new String[words.length + 2];
        args[0] = "search";
        args[1] = "-q";
        System.arraycopy(words, 0, args, 2, words.length);
        return run(args).succeeded().lines();
    }

    @Test
    void everyWordMustMatch() {
        assertThat(search("metric", "units")).containsExactly(METRIC);
        assertThat(search("metric units")).as("words inside one argument").containsExactly(METRIC);
        assertThat(search("metric", "imperial")).isEmpty();
    }

    @Test
    void matchingIgnoresCaseAndFindsPartsOfWords() {
        assertThat(search("METRIC")).containsExactly(METRIC);
        assertThat(search("unit")).containsExactly(METRIC);
    }

    @Test
    void searchesNameSummaryReasonAndTags() {
        assertThat(search("kilimanjaro")).containsExactly(NAMED);
        assertThat(search("espresso")).containsExactly(SUMMARISED);
        assertThat(search("penicillin")).containsExactly(REASONED);
        assertThat(search("VOLLEY")).containsExactly(TAGGED);
    }

    @Test
    void wordsMayMatchDifferentFields() {
        assertThat(search("thursdays", "volleyball")).containsExactly(TAGGED);
        assertThat(search("espresso", "habits")).containsExactly(SUMMARISED);
    }

    @Test
    void likeWildcardsInTheQueryAreMatchedLiterally() {
        assertThat(search("10%")).containsExactly(PERCENT);
        assertThat(search("%")).containsExactly(PERCENT);
        assertThat(search("_")).isEmpty();
    }

    @Test
    void tagFilterNarrowsTheSearch() {
        String other = add("-t", "work", "units of work");

        assertThat(search("units")).containsExactlyInAnyOrder(METRIC, other);
        assertThat(search("units", "-t", "work")).containsExactly(other);
    }

    @Test
    void outputFormats() {
        List<IncomingMemory> json = parse(run("search", "metric", "--json").succeeded().out());
        assertThat(json).extracting(IncomingMemory::content).containsExactly("Prefers Metric units for distances");

        assertThat(run("search", "metric", "--jsonl").succeeded().lines()).hasSize(1);
        assertThat(run("search", "metric").succeeded().out()).contains(METRIC.substring(0, 8), "Prefers Metric");
    }

    @Test
    void noMatchIsSuccessWithNothingOnStdout() {
        Result result = run("search", "nothing-like-this").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no memories found");
        String json = run("search", "nothing-like-this", "--json").succeeded().out();
        assertThat(json).startsWith("[");
        assertThat(parse(json)).isEmpty();
    }

    @Test
    void needsAtLeastOneWord() {
        run("search").failedWith(ExitCodes.USAGE);
    }
}
