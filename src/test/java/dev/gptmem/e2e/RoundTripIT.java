package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A memory's life through the command line, and export → import → export losing nothing. */
class RoundTripIT extends E2eTest {
    static final String UUID_V4 = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    /**
     * Known ids, so prefixes are predictable: the first two share four leading digits and differ in
     * the fifth, so "1a2b" is ambiguous and "1a2b3c" is not.
     */
    static final String UNITS = "1a2b3c4d-0000-4000-8000-000000000001";
    static final String RUNS = "1a2b9f00-0000-4000-8000-000000000002";
    static final String ALLERGY = "7e8f0a1b-0000-4000-8000-000000000003";

    static final String FIXTURE = """
            [
              {"id": "%s", "content": "Prefers metric units for distances", "name": "Units",
               "summary": null, "reason": null, "tags": ["prefs"], "pinned": false, "source": "cli",
               "created_at": "2025-01-02T03:04:05.678Z", "updated_at": "2025-01-02T03:04:05.678Z"},
              {"id": "%s", "content": "Runs 5k on Monday, Wednesday and Friday\\nand rests on Sunday",
               "name": null, "summary": "Running schedule", "reason": "Plans training weeks",
               "tags": ["fitness", "plans"], "pinned": true, "source": "api",
               "created_at": "2025-02-03T04:05:06.007Z", "updated_at": "2025-03-04T05:06:07.089Z"},
              {"id": "%s", "content": "Allergic to penicillin — says so in every Ärztebrief 💊",
               "name": "Allergy", "summary": null, "reason": "Medical safety", "tags": ["health"],
               "pinned": false, "source": "mcp",
               "created_at": "2025-04-05T06:07:08.100Z", "updated_at": "2025-04-05T06:07:08.100Z"}
            ]
            """.formatted(UNITS, RUNS, ALLERGY);

    static final Set<String> FIELDS = Set.of("id", "content", "name", "summary", "reason", "tags", "pinned",
            "source", "created_at", "updated_at");

    @Test
    void addPrintsOnlyTheNewIdAndTakesContentFromArgumentsOrStandardInput() {
        Result fromArgs = gptmem.run("add", "Prefers", "metric", "units", "-t", "prefs");
        Result piped = gptmem.call("add", "-t", "fitness").stdin("Runs 5k on Mondays\n").run();
        Result dash = gptmem.call("add", "-").stdin("Allergic to penicillin\n").run();

        for (Result add : List.of(fromArgs, piped, dash)) {
            assertThat(add.exitCode()).as("%s", add).isZero();
            assertThat(add.stdout()).as("add prints the id alone").matches(UUID_V4 + "\\R");
        }
        Map<String, String> contentById = memories(gptmem.run("list", "--jsonl")).stream()
                .collect(Collectors.toMap(m -> (String) m.get("id"), m -> (String) m.get("content")));
        assertThat(contentById).containsExactlyInAnyOrderEntriesOf(Map.of(
                fromArgs.stdout().strip(), "Prefers metric units",
                piped.stdout().strip(), "Runs 5k on Mondays",
                dash.stdout().strip(), "Allergic to penicillin"));
    }

    @Test
    void listPrintsTableJsonLinesAndFullIds() {
        List<String> ids = List.of(add("Prefers metric units"), add("Runs 5k on Mondays", "-t", "fitness"),
                add("Allergic to penicillin", "--pin"));

        Result table = gptmem.run("list");
        assertThat(table.exitCode()).as("%s", table).isZero();
        for (String id : ids) {
            assertThat(table.stdoutLines()).as("a table row shows a short form of %s", id)
                    .anyMatch(line -> line.split("\\s+")[0].length() >= 4 && id.startsWith(line.split("\\s+")[0]));
        }
        assertThat(table.stdout()).contains("Prefers metric units", "Runs 5k on Mondays", "fitness")
                .doesNotContain("\u001b[");

        Result jsonl = gptmem.run("list", "--jsonl");
        assertThat(jsonl.exitCode()).as("%s", jsonl).isZero();
        List<Map<String, Object>> records = JsonTree.lines(jsonl.stdout());
        assertThat(records).extracting(m -> m.get("id")).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(records).allSatisfy(m -> assertThat(m).containsOnlyKeys(FIELDS));

        Result quiet = gptmem.run("list", "-q");
        assertThat(quiet.exitCode()).as("%s", quiet).isZero();
        assertThat(quiet.stdoutLines()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void showFindsMemoriesByUniquePrefixesOfFourAndSixDigits() {
        importFixture("default");

        Result byFour = gptmem.run("show", ALLERGY.substring(0, 4));
        assertThat(byFour.exitCode()).as("%s", byFour).isZero();
        assertThat(byFour.stdout()).contains("Allergic to penicillin — says so in every Ärztebrief 💊");

        Result bySix = gptmem.run("show", UNITS.substring(0, 6), "--jsonl");
        assertThat(bySix.exitCode()).as("%s", bySix).isZero();
        assertThat(JsonTree.lines(bySix.stdout())).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("id", UNITS)
                        .containsEntry("content", "Prefers metric units for distances"));

        Result ambiguous = gptmem.run("show", "1a2b");
        assertThat(ambiguous.exitCode()).as("a prefix two ids share: %s", ambiguous).isNotZero();
        assertThat(ambiguous.stdout()).isEmpty();
        ambiguous.errorLine();
    }

    @Test
    void editChangesExactlyTheFieldsItIsGiven() {
        importFixture("default");
        Map<String, Object> before = show(UNITS);

        Result edit = gptmem.run("edit", "1a2b3c", "-n", "Metric", "-s", "Metric, except beer",
                "-r", "Asked twice", "-t", "Prefs,Travel", "--pin");
        assertThat(edit.exitCode()).as("%s", edit).isZero();
        assertThat(edit.stdout()).as("edit prints no data").isEmpty();

        Map<String, Object> edited = show(UNITS);
        assertThat(edited).containsEntry("content", before.get("content"))
                .containsEntry("name", "Metric")
                .containsEntry("summary", "Metric, except beer")
                .containsEntry("reason", "Asked twice")
                .containsEntry("tags", List.of("prefs", "travel"))
                .containsEntry("pinned", true)
                .containsEntry("source", before.get("source"))
                .containsEntry("created_at", before.get("created_at"));
        assertThat((String) edited.get("updated_at")).isGreaterThan((String) before.get("updated_at"));

        Result second = gptmem.call("edit", UNITS.substring(0, 4) + "3c4d", "--content", "-", "-n", "",
                "--add-tag", "home", "--rm-tag", "prefs", "--unpin").stdin("Prefers metric units\n").run();
        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(show(UNITS)).containsEntry("content", "Prefers metric units")
                .containsEntry("name", null)
                .containsEntry("summary", "Metric, except beer")
                .containsEntry("tags", List.of("home", "travel"))
                .containsEntry("pinned", false);
        assertThat(show(RUNS)).as("the other memories are untouched")
                .isEqualTo(fixtureMemories().stream().filter(m -> m.get("id").equals(RUNS)).findFirst().orElseThrow());
    }

    @Test
    void searchFindsMemoriesHoldingEveryWordInAnyCase() {
        importFixture("default");

        assertThat(search("METRIC", "Units")).containsExactly(UNITS);
        assertThat(search("units", "prefers")).as("words in any order").containsExactly(UNITS);
        assertThat(search("running")).as("a word of the summary").containsExactly(RUNS);
        assertThat(search("MEDICAL")).as("a word of the reason").containsExactly(ALLERGY);
        assertThat(search("Fitness")).as("a tag").containsExactly(RUNS);
        assertThat(search("ärztebrief")).as("non-ASCII, other case").containsExactly(ALLERGY);
        assertThat(search("metric", "monday")).as("one memory must hold every word").isEmpty();

        Result jsonl = gptmem.run("search", "PENICILLIN", "--jsonl");
        assertThat(jsonl.exitCode()).as("%s", jsonl).isZero();
        assertThat(JsonTree.lines(jsonl.stdout())).extracting(m -> m.get("id")).containsExactly(ALLERGY);
    }

    @Test
    void exportImportExportKeepsEveryFieldOfEveryMemory() throws IOException {
        importFixture("default");
        add("Written at the terminal", "-n", "Terminal", "-t", "cli,Misc", "--pin");
        Result edit = gptmem.run("edit", ALLERGY.substring(0, 4), "--add-tag", "edited");
        assertThat(edit.exitCode()).as("%s", edit).isZero();

        Path backup = files.resolve("backup.json");
        Result toFile = gptmem.run("export", "-o", backup.toString());
        assertThat(toFile.exitCode()).as("%s", toFile).isZero();
        assertThat(toFile.stdout()).as("export -o prints no data").isEmpty();
        Map<String, Object> original = JsonTree.object(Files.readString(backup));
        assertThat(original).containsEntry("format", "gptmem-export");
        assertThat(((Number) original.get("version")).intValue()).isEqualTo(1);
        List<Map<String, Object>> memories = JsonTree.objects(original.get("memories"));
        assertThat(memories).hasSize(4).allSatisfy(m -> assertThat(m).containsOnlyKeys(FIELDS));

        Result restore = gptmem.run("-p", "copy", "import", backup.toString());
        assertThat(restore.exitCode()).as("%s", restore).isZero();
        Result copy = gptmem.run("-p", "copy", "export");
        assertThat(copy.exitCode()).as("%s", copy).isZero();

        assertThat(JsonTree.objects(JsonTree.object(copy.stdout()).get("memories")))
                .as("memories after export → import → export").isEqualTo(memories);
    }

    @Test
    void jsonLinesExportImportExportIsIdentical() {
        importFixture("default");
        add("Written at the terminal", "-t", "cli");

        Result lines = gptmem.run("export", "--format", "jsonl");
        assertThat(lines.exitCode()).as("%s", lines).isZero();
        assertThat(JsonTree.lines(lines.stdout())).hasSize(4);

        Result restore = gptmem.call("-p", "copy", "import", "-").stdin(lines.stdout()).run();
        assertThat(restore.exitCode()).as("%s", restore).isZero();
        Result again = gptmem.run("-p", "copy", "export", "--format", "jsonl");
        assertThat(again.exitCode()).as("%s", again).isZero();

        assertThat(JsonTree.lines(again.stdout())).isEqualTo(JsonTree.lines(lines.stdout()));
        assertThat(again.stdout()).isEqualTo(lines.stdout());
    }

    private String add(String content, String... options) {
        List<String> args = new ArrayList<>(List.of("add", content));
        args.addAll(List.of(options));
        Result add = gptmem.run(args.toArray(String[]::new));
        assertThat(add.exitCode()).as("%s", add).isZero();
        return add.stdout().strip();
    }

    private void importFixture(String profile) {
        Result result = gptmem.call("-p", profile, "import", "-").stdin(FIXTURE).run();
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    private static List<Map<String, Object>> fixtureMemories() {
        return JsonTree.objects(JsonTree.parse(FIXTURE));
    }

    private Map<String, Object> show(String id) {
        Result show = gptmem.run("show", id, "--jsonl");
        assertThat(show.exitCode()).as("%s", show).isZero();
        return JsonTree.lines(show.stdout()).get(0);
    }

    private List<String> search(String... words) {
        List<String> args = new ArrayList<>(List.of("search", "-q"));
        args.addAll(List.of(words));
        Result search = gptmem.run(args.toArray(String[]::new));
        assertThat(search.stderr()).as("search %s: %s", List.of(words), search).doesNotContain("gptmem: ");
        return search.stdoutLines();
    }

    private static List<Map<String, Object>> memories(Result jsonl) {
        assertThat(jsonl.exitCode()).as("%s", jsonl).isZero();
        return JsonTree.lines(jsonl.stdout());
    }
}
