package dev.gptmem.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.e2e.GptmemProcess.Result;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Imports from other memory tools through the packaged program, the way a user moves memories over. */
class ImportFormatsIT extends E2eTest {

    private Path fixture(String name) throws IOException {
        Path file = files.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/dev/gptmem/io/imports/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    private List<Map<String, Object>> memories(String profile) {
        Result list = gptmem.run("-p", profile, "list", "--jsonl");
        assertThat(list.exitCode()).as("%s", list).isZero();
        return JsonTree.lines(list.stdout());
    }

    @Test
    void chatGptTextPastedOnStandardInputThenTheSameFileAgain() throws IOException {
        Path text = fixture("chatgpt.txt");

        Result first = gptmem.call("-p", "coach", "import").stdinFrom(text).run();
        assertThat(first.exitCode()).as("%s", first).isZero();
        assertThat(first.stdout()).isEmpty();
        assertThat(first.stderrLines()).containsExactly(
                "imported 4, replaced 0, skipped 1 (1 duplicates) into new profile 'coach'");
        assertThat(memories("coach")).extracting(m -> m.get("content")).containsExactlyInAnyOrder(
                "Prefers metric units.", "Is training for a half marathon in April.", "Has a dog named Rex.",
                "Works as a nurse on night shifts.");
        assertThat(memories("coach")).allSatisfy(m -> {
            assertThat(m.get("source")).isEqualTo("import");
            assertThat(m.get("tags")).isEqualTo(List.of());
        });

        Result again = gptmem.run("-p", "coach", "import", "--format", "chatgpt", text.toString());
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.stderrLines()).containsExactly(
                "imported 0, replaced 0, skipped 5 (5 duplicates) into profile 'coach'");
        assertThat(memories("coach")).hasSize(4);
    }

    @Test
    void theMcpGraphKeepsEveryEntityAndRelation() throws IOException {
        Path graph = fixture("mcp-memory.jsonl");

        Result imported = gptmem.run("-p", "assistant", "import", graph.toString());
        assertThat(imported.exitCode()).as("%s", imported).isZero();
        assertThat(imported.stderrLines()).containsExactly(
                "imported 4, replaced 0, skipped 0 (0 duplicates) into new profile 'assistant'");

        List<Map<String, Object>> all = memories("assistant");
        assertThat(all).extracting(m -> m.get("name"))
                .containsExactlyInAnyOrder("John_Smith", "Anthropic", "Lisbon trip", null);
        Map<String, Object> john = all.stream().filter(m -> "John_Smith".equals(m.get("name"))).findFirst().orElseThrow();
        assertThat(john.get("tags")).isEqualTo(List.of("person"));
        assertThat((String) john.get("content")).isEqualTo("Speaks fluent Spanish\nGraduated in 2019\n"
                + "John_Smith works_at Anthropic\nJohn_Smith plans Lisbon trip");
        for (String relation : List.of("works_at", "plans", "is_married_to")) {
            assertThat(all).as("a memory holding the relation %s", relation)
                    .anySatisfy(m -> assertThat((String) m.get("content")).contains(relation));
        }

        Result search = gptmem.run("-p", "assistant", "search", "spanish", "-q");
        assertThat(search.exitCode()).as("%s", search).isZero();
        assertThat(search.stdoutLines()).containsExactly((String) john.get("id"));

        Result again = gptmem.call("-p", "assistant", "import", "-").stdinFrom(graph).run();
        assertThat(again.exitCode()).as("%s", again).isZero();
        assertThat(again.stderrLines()).containsExactly(
                "imported 0, replaced 0, skipped 4 (4 duplicates) into profile 'assistant'");
    }

    @Test
    void addWarnsOnStderrAboutExistingContentAndStillAdds() {
        Result first = gptmem.run("add", "Prefers metric units");
        Result second = gptmem.run("add", "Prefers metric units");

        assertThat(second.exitCode()).as("%s", second).isZero();
        assertThat(second.stdout()).matches("[0-9a-f-]{36}\n").isNotEqualTo(first.stdout());
        assertThat(second.stderrLines()).containsExactly(
                "gptmem: warning: a memory with exactly this content exists already; added anyway");
        assertThat(memories("default")).hasSize(2);
    }
}
