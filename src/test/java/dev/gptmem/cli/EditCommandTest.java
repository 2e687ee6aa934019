package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditCommandTest extends CliTestBase {
    private static final String ID = "e0e0e0e0-0000-4000-8000-000000000001";
    private static final String T = "2026-01-01T00:00:00.000Z";

    /** A memory last changed long ago, so any write shows as a newer updated_at. */
    private void seed() {
        importing("{\"id\":\"" + ID + "\",\"content\":\"Runs 5k\\non Mondays\\n\",\"name\":\"Plan\","
                + "\"summary\":\"Weekly\",\"reason\":\"Line one\\nLine two\",\"tags\":[\"fitness\",\"plans\"],"
                + "\"pinned\":false,\"source\":\"cli\",\"created_at\":\"" + T + "\",\"updated_at\":\"" + T + "\"}")
                .succeeded();
    }

    private String changedAt() {
        String json = run("profile", "show", "--jsonl").succeeded().out();
        return json.replaceAll("(?s).*\"changed_at\":\"([^\"]+)\".*", "$1");
    }

    @Test
    void fieldOptionsChangeOnlyThoseFields() {
        seed();

        Result result = run("edit", ID, "-c", "Runs 10k", "-n", "Goal", "-s", "Longer", "-r", "Progress").succeeded();

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("updated e0e0e0e0\n");
        IncomingMemory m = memory(ID);
        assertThat(m.content()).isEqualTo("Runs 10k");
        assertThat(m.name()).isEqualTo("Goal");
        assertThat(m.summary()).isEqualTo("Longer");
        assertThat(m.reason()).isEqualTo("Progress");
        assertThat(m.tags()).containsExactly("fitness", "plans");
        assertThat(m.createdAt()).isEqualTo(Instant.parse(T));
        assertThat(m.updatedAt()).isAfter(m.createdAt());
    }

    @Test
    void emptyValueClearsAField() {
        seed();

        run("edit", ID, "--name", "", "-s", "").succeeded();

        IncomingMemory m = memory(ID);
        assertThat(m.name()).isNull();
        assertThat(m.summary()).isNull();
        assertThat(m.reason()).isEqualTo("Line one\nLine two");
    }

    @Test
    void tagsAreReplacedAddedAndRemoved() {
        seed();

        run("edit", ID, "--add-tag", "Travel,run", "--rm-tag", "PLANS").succeeded();
        assertThat(memory(ID).tags()).containsExactly("fitness", "run", "travel");

        run("edit", ID, "-t", "b", "-t", "A").succeeded();
        assertThat(memory(ID).tags()).containsExactly("a", "b");
    }

    @Test
    void anEmptyTagListClearsTheTagsAsAnEmptyValueClearsAField() {
        seed();

        run("edit", ID, "-t", "").succeeded();
        assertThat(memory(ID).tags()).isEmpty();

        run("edit", ID, "-t", "", "--add-tag", "fresh").succeeded();
        assertThat(memory(ID).tags()).containsExactly("fresh");

        assertThat(run("edit", ID, "-t", "a", "-t", "").failedWith(ExitCodes.USAGE).error()).isEqualTo("empty tag");
        assertThat(run("add", "-t", "", "x").failedWith(ExitCodes.USAGE).error()).isEqualTo("empty tag");
        assertThat(memory(ID).tags()).containsExactly("fresh");
    }

    @Test
    void pinAndUnpin() {
        seed();

        run("edit", ID, "--pin").succeeded();
        assertThat(memory(ID).pinned()).isTrue();

        run("edit", ID, "--unpin").succeeded();
        assertThat(memory(ID).pinned()).isFalse();

        run("edit", ID, "--pin", "--unpin").failedWith(ExitCodes.USAGE);
        assertThat(memory(ID).pinned()).isFalse();
    }

    @Test
    void contentDashReadsStdin() {
        seed();

        stdin("From a pipe\n").run("edit", ID, "--content", "-").succeeded();

        assertThat(memory(ID).content()).isEqualTo("From a pipe");
    }

    @Test
    void anEditThatChangesNothingWritesNothing() {
        seed();
        String changedBefore = changedAt();

        Result result = run("edit", ID, "-n", "Plan", "--add-tag", "FITNESS", "--rm-tag", "absent", "--unpin")
                .succeeded();

        assertThat(result.err()).isEqualTo("no changes to e0e0e0e0\n");
        assertThat(memory(ID).updatedAt()).isEqualTo(Instant.parse(T));
        assertThat(changedAt()).isEqualTo(changedBefore);
    }

    @Test
    void invalidValuesChangeNothing() {
        seed();

        run("edit", ID, "--add-tag", "two words").failedWith(ExitCodes.USAGE);
        run("edit", ID, "-c", "x".repeat(100_001)).failedWith(ExitCodes.USAGE);
        run("edit", ID, "-c", " ").failedWith(ExitCodes.USAGE);

        IncomingMemory m = memory(ID);
        assertThat(m.updatedAt()).isEqualTo(Instant.parse(T));
        assertThat(m.content()).isEqualTo("Runs 5k\non Mondays\n");
    }

    @Test
    void unknownIdIsNotFound() {
        seed();

        run("edit", "0000", "-n", "x").failedWith(ExitCodes.NOT_FOUND);
    }

    // The editor path: EDITOR names a script that edits the file it is given, as a person would.

    private String editor(String name, String body) throws IOException {
        Path script = home.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    @Test
    void withoutFieldOptionsOpensTheEditorAndSavesWhatItWrote() throws IOException {
        seed();
        env.put("EDITOR", editor("edit.sh",
                "sed -i -e 's/^summary: .*/summary: From the editor/' -e 's/^tags: .*/tags: Fitness, new/'"
                        + " -e 's/^pinned: no/pinned: yes/' -e 's/^Runs 5k$/Runs 10k/' \"$1\""));

        Result result = run("edit", ID).succeeded();

        assertThat(result.err()).contains("updated e0e0e0e0");
        IncomingMemory m = memory(ID);
        assertThat(m.summary()).isEqualTo("From the editor");
        assertThat(m.tags()).containsExactly("fitness", "new");
        assertThat(m.pinned()).isTrue();
        assertThat(m.content()).isEqualTo("Runs 10k\non Mondays");
        assertThat(m.name()).isEqualTo("Plan");
        assertThat(m.reason()).as("multi-line reason survives the editor").isEqualTo("Line one\nLine two");
        assertThat(m.updatedAt()).isAfter(m.createdAt());
    }

    @Test
    void editorThatSavesTheFileUnchangedWritesNothing() throws IOException {
        seed();
        env.put("EDITOR", editor("touch.sh", "sed -i -e '' \"$1\""));

        Result result = run("edit", ID).succeeded();

        assertThat(result.err()).contains("no changes to e0e0e0e0");
        IncomingMemory m = memory(ID);
        assertThat(m.updatedAt()).isEqualTo(Instant.parse(T));
        assertThat(m.content()).as("trailing line break kept").isEqualTo("Runs 5k\non Mondays\n");
    }

    @Test
    void visualIsPreferredToEditor() throws IOException {
        seed();
        env.put("VISUAL", editor("visual.sh", "sed -i 's/^name: .*/name: Visual/' \"$1\""));
        env.put("EDITOR", editor("editor.sh", "sed -i 's/^name: .*/name: Editor/' \"$1\""));

        run("edit", ID).succeeded();

        assertThat(memory(ID).name()).isEqualTo("Visual");
    }

    static Stream<Arguments> failingEditors() {
        return Stream.of(
                // Each also changes the name, which must not be saved.
                Arguments.of("clearing the content", "sed -i -e '/^$/,$d' -e 's/^name: .*/name: Changed/' \"$1\""
                        + " && echo >> \"$1\"", "the content was emptied: edit abandoned, nothing changed"
                        + " (to delete the memory: gptmem rm e0e0e0e0)"),
                // printf's octal escape: a Latin-1 e-acute in the name.
                Arguments.of("saving Latin-1", "sed -i \"s/^name: .*/name: caf$(printf '\\351')/\" \"$1\"",
                        "the edited file is not UTF-8 text (byte "),
                Arguments.of("exiting with status 3", "sed -i 's/^name: .*/name: Changed/' \"$1\"; exit 3",
                        "' exited with status 3; nothing was changed"));
    }

    @ParameterizedTest(name = "an editor {0}")
    @MethodSource("failingEditors")
    void anEditorThatFailsOrLeavesNoContentChangesNothing(String what, String script, String error)
            throws IOException {
        seed();
        env.put("EDITOR", editor("editor.sh", script));

        Result result = run("edit", ID).failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).contains(error);
        assertThat(memory(ID).name()).isEqualTo("Plan");
    }

    @Test
    void contentDashRefusesStdinThatIsNotUtf8() {
        seed();

        Result result = stdin(new byte[] {'o', 'k', (byte) 0xff}).run("edit", ID, "-c", "-")
                .failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).isEqualTo("standard input is not UTF-8 text (byte 3)");
        assertThat(memory(ID).content()).isEqualTo("Runs 5k\non Mondays\n");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutATerminalOrANamedEditorTheChangesMustBeOptions(boolean blankVariables) {
        seed();
        if (blankVariables) {
            env.put("VISUAL", "");
            env.put("EDITOR", " ");
        }

        Result result = run("edit", ID).failedWith(ExitCodes.USAGE);

        // vi would run on pipes, reading its commands from whatever standard input holds.
        assertThat(result.error()).startsWith("no terminal to edit on: give the changes as options");
        assertThat(memory(ID).updatedAt()).isEqualTo(Instant.parse(T));
    }

    @Test
    void unreadableEditorTextIsAUsageErrorAndChangesNothing() throws IOException {
        seed();
        env.put("EDITOR", editor("garble.sh", "sed -i 's/^name: .*/colour: blue/' \"$1\""));

        assertThat(run("edit", ID).failedWith(ExitCodes.USAGE).error()).contains("colour");
        assertThat(memories()).extracting(IncomingMemory::name).isEqualTo(List.of("Plan"));
    }
}
