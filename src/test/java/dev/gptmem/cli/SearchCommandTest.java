package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
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
        importing("{\"id\":\"" + METRIC + "\",\"content\":\"Prefers Metric units for distances\","
                        + "\"updated_at\":\"2026-01-01T00:00:00.000Z\"}\n"
                + "{\"id\":\"" + NAMED + "\",\"content\":\"content without the word\",\"name\":\"Kilimanjaro trip\"}\n"
                + "{\"id\":\"" + SUMMARISED + "\",\"content\":\"coffee habits\",\"summary\":\"Espresso daily\"}\n"
                + "{\"id\":\"" + REASONED + "\",\"content\":\"health note\",\"reason\":\"Mentioned Penicillin allergy\"}\n"
                + "{\"id\":\"" + TAGGED + "\",\"content\":\"plays on Thursdays\",\"tags\":[\"volleyball\"],"
                        + "\"pinned\":true}\n"
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
    void matchingIgnoresCaseAndFindsOtherFormsOfAWord() {
        assertThat(search("METRIC")).containsExactly(METRIC);
        assertThat(search("unit")).containsExactly(METRIC);
        assertThat(search("distance")).containsExactly(METRIC);
        assertThat(search("play")).containsExactly(TAGGED);
    }

    @Test
    void searchesNameSummaryReasonAndTags() {
        assertThat(search("kilimanjaro")).containsExactly(NAMED);
        assertThat(search("espresso")).containsExactly(SUMMARISED);
        assertThat(search("penicillin")).containsExactly(REASONED);
        assertThat(search("VOLLEYBALL")).containsExactly(TAGGED);
    }

    @Test
    void wordsMayMatchDifferentFields() {
        assertThat(search("thursdays", "volleyball")).containsExactly(TAGGED);
        assertThat(search("espresso", "habits")).containsExactly(SUMMARISED);
    }

    @Test
    void phrasesPrefixesExclusionsAndOr() {
        assertThat(search("\"metric units\"")).containsExactly(METRIC);
        assertThat(search("\"units metric\"")).isEmpty();
        assertThat(search("volley*")).containsExactly(TAGGED);
        assertThat(search("espresso OR kilimanjaro")).containsExactlyInAnyOrder(SUMMARISED, NAMED);
        assertThat(search("content OR coffee -espresso")).containsExactly(NAMED);
        assertThat(search("--", "content", "OR", "coffee", "-espresso")).as("after --").containsExactly(NAMED);
    }

    @Test
    void filtersInTheQueryAndAsOptions() {
        String other = add("-t", "work", "units of work");

        assertThat(search("units")).containsExactlyInAnyOrder(METRIC, other);
        assertThat(search("units", "-t", "work")).containsExactly(other);
        assertThat(search("units", "tag:work")).containsExactly(other);
        assertThat(search("units -tag:work")).containsExactly(METRIC);
        assertThat(search("thursdays", "pinned:true")).containsExactly(TAGGED);
        assertThat(search("thursdays", "pinned:false")).isEmpty();
        assertThat(search("units", "--since", "2026-06-01")).containsExactly(other);
        assertThat(search("units", "--since", "2025-06-01T00:00:00Z")).containsExactlyInAnyOrder(METRIC, other);
    }

    @Test
    void limitKeepsTheBestMatches() {
        add("units units units");
        assertThat(search("units", "-l", "1")).hasSize(1);
        run("search", "units", "-l", "0").failedWith(ExitCodes.USAGE);
    }

    @Test
    void aTableCutShortByTheLimitSaysHowManyMatchedInAll() {
        add("units units units");

        Result cut = run("search", "units", "-l", "1").succeeded();
        assertThat(cut.out().lines()).hasSize(2);
        assertThat(cut.err()).isEqualTo("the best 1 of 2 matches; -l N shows more\n");

        assertThat(run("search", "units", "-l", "2").succeeded().err()).as("nothing left out").isEmpty();
        assertThat(run("search", "units", "-l", "1", "--json").succeeded().err()).as("for scripts").isEmpty();
        assertThat(run("search", "units", "-l", "1", "-q").succeeded().err()).isEmpty();
    }

    @Test
    void punctuationIsNoWord() {
        assertThat(search("10%")).containsExactly(PERCENT);
        Result onlyPunctuation = run("search", "%");
        onlyPunctuation.failedWith(ExitCodes.USAGE);
        assertThat(onlyPunctuation.err()).contains("nothing to search for in '%'");
    }

    @Test
    void outputFormatsCarryScoreAndMatchedFields() {
        String json = run("search", "metric", "--json").succeeded().out();
        assertThat(json).startsWith("[").contains("\"content\": \"Prefers Metric units for distances\"",
                "\"matched\": [");
        String jsonl = run("search", "espresso habits", "--jsonl").succeeded().out();
        assertThat(jsonl).contains("\"matched\":[\"summary\",\"content\"]").containsPattern("\"score\":[0-9.]+");

        String table = run("search", "metric").succeeded().out();
        assertThat(table).contains("SCORE", METRIC.substring(0, 8), "Prefers [Metric] units");
    }

    @Test
    void onATerminalMatchesAreColoured() {
        terminal(Terminal.fixed(false, true, 100));
        String table = run("search", "metric").succeeded().out();
        assertThat(table).containsPattern("\u001b\\[[0-9;]*31[0-9;]*mMetric\u001b\\[0?m")
                .doesNotContain("[Metric]");

        env.put("NO_COLOR", "1");
        assertThat(run("search", "metric").succeeded().out()).contains("[Metric]").doesNotContain("\u001b[");
    }

    @Test
    void noMatchIsSuccessWithNothingOnStdout() {
        Result result = run("search", "nothing-like-this").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("no memories match");
        String json = run("search", "nothing-like-this", "--json").succeeded().out();
        assertThat(json).startsWith("[");
        assertThat(parse(json)).isEmpty();
    }

    @Test
    void syntaxErrorsAreUsageErrors() {
        run("search").failedWith(ExitCodes.USAGE);
        for (String bad : List.of("\"open", "OR units", "units OR", "-", "*", "tag:", "pinned:maybe", "-metric",
                "a OR -b", "tag:\"a b\"")) {
            Result result = run("search", bad);
            result.failedWith(ExitCodes.USAGE);
            assertThat(result.err()).as(bad).startsWith("gptmem: ").doesNotContain("Exception");
            assertThat(result.err().strip().lines()).as(bad).hasSize(1);
        }
        run("search", "units", "--since", "last tuesday").failedWith(ExitCodes.USAGE);
    }

    @Test
    void aWordToLeaveOutTakenForAnOptionGetsAHintHowToGiveIt() {
        add("Prefers metric units");
        for (List<String> args : List.of(List.of("search", "-metric"), List.of("search", "metric", "-units"))) {
            String dashed = args.get(args.size() - 1);
            assertThat(run(args.toArray(String[]::new)).failedWith(ExitCodes.USAGE).error())
                    .isEqualTo("unknown option '" + dashed + "'; a word to leave out goes after '--': gptmem search -- vim " + dashed
                            + " (see 'gptmem search --help')");
        }
        assertThat(run("search", "metric", "--units").failedWith(ExitCodes.USAGE).error())
                .startsWith("unknown option: '--units'");
        run("search", "--", "metric", "-units").succeeded();
    }

    @Test
    void aQueryTooLongToRunIsAUsageErrorNotACrash() {
        StringBuilder paragraph = new StringBuilder("metric");
        for (int i = 0; i < 1000; i++) {
            paragraph.append(" word").append(i);
        }
        Result result = run("search", paragraph.toString());
        result.failedWith(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("gptmem: the query is too long").doesNotContain("Exception");
        assertThat(result.err().strip().lines()).hasSize(1);
    }

    @Test
    void manyPrefixesEachOfManyWordsInOneQueryStillRun() {
        StringBuilder words = new StringBuilder();
        List<String> prefixes = new java.util.ArrayList<>();
        for (char p = 'a'; p <= 'p'; p++) {
            prefixes.add("q" + p + "*");
            for (int i = 0; i < 70; i++) {
                words.append('q').append(p).append(i).append(' ');
            }
        }
        String id = run("add", words.toString().strip()).succeeded().out().strip();
        assertThat(search(prefixes.toArray(String[]::new))).containsExactly(id);
    }
}
