package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ranked search as scripts see it: separate processes on a real profile file. */
class SearchIT extends E2eTest {

    private String add(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "add";
        System.arraycopy(args, 0, line, 1, args.length);
        Result added = gptmem.run(line);
        assertThat(added.exitCode()).as("%s", added).isZero();
        return added.stdout().strip();
    }

    @Test
    void everyWriteIsSeenByTheNextSearch() {
        String runs = add("-t", "fitness", "Runs 5k on Mondays and Thursdays");
        String swims = add("-n", "Swimming", "Swims on Tuesdays");

        Result found = gptmem.run("search", "-q", "running OR swimming");
        assertThat(found.stdoutLines()).containsExactlyInAnyOrder(runs, swims);

        assertThat(gptmem.run("rm", runs).exitCode()).isZero();
        assertThat(gptmem.run("edit", swims, "--content", "Cycles on Tuesdays").exitCode()).isZero();

        assertThat(gptmem.run("search", "-q", "running OR swimming").stdoutLines())
                .as("the name still says Swimming").containsExactly(swims);
        assertThat(gptmem.run("search", "-q", "cycling").stdoutLines()).containsExactly(swims);
        assertThat(gptmem.run("search", "-q", "mondays").stdoutLines()).isEmpty();
    }

    @Test
    void jsonCarriesScoreAndMatchedFields() {
        add("-n", "Editor", "-t", "tools", "Uses vim with a dark theme");
        Result found = gptmem.run("search", "--jsonl", "vim tools");
        assertThat(found.exitCode()).isZero();
        Map<String, Object> hit = JsonTree.object(found.stdoutLines().get(0));
        assertThat(hit.get("content")).isEqualTo("Uses vim with a dark theme");
        assertThat((Double) hit.get("score")).isPositive();
        assertThat(hit.get("matched")).isEqualTo(List.of("content", "tags"));
    }

    @Test
    void aBadQueryIsOneLineAndExitTwo() {
        add("anything");
        Result bad = gptmem.run("search", "\"unclosed");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.stdout()).isEmpty();
        assertThat(bad.stderrLines()).containsExactly("gptmem: unclosed quote in the query: \"unclosed");
    }

    @Test
    void anIndexFromAnOlderVersionIsRebuiltByTheFirstSearchWhichSaysSo() throws Exception {
        add("-t", "boats", "Paddles a kayak on Sundays");
        String url = "jdbc:h2:file:" + home.resolve("profiles/default");
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE profile_setting SET setting_value = 'lucene-0/0' WHERE name = 'search_index'");
        }

        Result list = gptmem.run("list", "-q");
        assertThat(list.exitCode()).as("%s", list).isZero();
        assertThat(list.stderr()).as("only a search needs the index").isEmpty();

        Result first = gptmem.run("search", "-q", "kayaks");
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.stdout()).isEqualTo(list.stdout());
        assertThat(first.stderrLines()).containsExactly(
                "gptmem: indexing profile 'default' for search (1 memory); this happens once, after an upgrade");

        Result again = gptmem.run("search", "-q", "kayaks");
        assertThat(again.stdout()).isEqualTo(list.stdout());
        assertThat(again.stderr()).isEmpty();
    }

    @Test
    void onlySearchLoadsLucene() throws IOException {
        String id = add("a memory to read");
        String gone = add("a memory to remove");
        for (List<String> command : List.of(List.of("add", "another memory"), List.of("list"),
                List.of("show", "--json", id), List.of("edit", id, "--add-tag", "read"), List.of("rm", gone),
                List.of("export", "--format", "jsonl"), List.of("--version"), List.of("search", "memory"))) {
            Path log = files.resolve("classes-" + command.get(0) + ".log");
            Result result = gptmem.call(command.toArray(new String[0]))
                    .jvmOptions("-XX:+UseSerialGC", "-Xlog:class+load=info:file=" + log).run();
            assertThat(result.exitCode()).as("%s", result).isZero();
            boolean lucene = Files.readString(log).contains("org.apache.lucene.");
            assertThat(lucene).as("Lucene loaded by %s", command).isEqualTo(command.get(0).equals("search"));
        }
    }
}
