package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.IncomingMemory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AddCommandTest extends CliTestBase {

    @Test
    void printsTheNewIdAloneOnStdout() {
        add("first");
        Result result = run("add", "Prefers metric units").succeeded();

        assertThat(result.lines()).hasSize(1);
        assertThat(result.out()).matches("[0-9a-f-]{36}\n");
        assertThat(result.err()).isEmpty();
        assertThat(memories()).extracting(IncomingMemory::id).contains(result.out().strip());
    }

    @Test
    void addingToAProfileThatDoesNotExistCreatesItAndSaysSo() {
        Result first = run("-p", "trainr", "add", "Runs 5k").succeeded();
        assertThat(first.err()).isEqualTo("created profile 'trainr' (there was none by that name)\n");
        assertThat(first.out()).matches("[0-9a-f-]{36}\n");
        assertThat(memories("trainr")).extracting(IncomingMemory::content).containsExactly("Runs 5k");

        assertThat(run("-p", "trainr", "add", "Swims").succeeded().err()).isEmpty();
        run("profile", "create", "coach").succeeded();
        assertThat(run("-p", "coach", "add", "Lifts").succeeded().err()).isEmpty();
    }

    @Test
    void storesEveryFieldGiven() {
        Instant before = Instant.now().minusSeconds(1);
        String id = add("-n", "Units", "-s", "Metric please", "-r", "Said so twice",
                "-t", "Prefs,Units", "-t", "prefs", "--pin", "Prefers", "metric", "units");

        IncomingMemory m = memory(id);
        assertThat(m.content()).isEqualTo("Prefers metric units");
        assertThat(m.name()).isEqualTo("Units");
        assertThat(m.summary()).isEqualTo("Metric please");
        assertThat(m.reason()).isEqualTo("Said so twice");
        assertThat(m.tags()).containsExactly("prefs", "units");
        assertThat(m.pinned()).isTrue();
        assertThat(m.source()).isEqualTo("cli");
        assertThat(m.createdAt()).isAfter(before).isEqualTo(m.updatedAt());
    }

    @Test
    void leavesOptionalFieldsEmptyWhenNotGiven() {
        IncomingMemory m = memory(add("just content"));

        assertThat(m.name()).isNull();
        assertThat(m.summary()).isNull();
        assertThat(m.reason()).isNull();
        assertThat(m.tags()).isEmpty();
        assertThat(m.pinned()).isFalse();
    }

    @Test
    void dashReadsTheContentFromStdinWithoutTheFinalLineBreak() {
        String id = stdin("line one\nline two\n\n").run("add", "-", "-t", "notes").succeeded().out().strip();

        assertThat(memory(id).content()).isEqualTo("line one\nline two");
    }

    @Test
    void noArgumentsWithPipedStdinReadsStdin() {
        String id = stdin("Allergic to penicillin\n").run("add").succeeded().out().strip();

        assertThat(memory(id).content()).isEqualTo("Allergic to penicillin");
    }

    @Test
    void noArgumentsOnATerminalTakesTypedLinesUntilAnEmptyLine() {
        terminal(Terminal.fixed(true, true, 80));

        Result typed = stdin("Runs 5k\nthree times a week\n\nnot this\n").run("add", "-t", "fitness").succeeded();

        assertThat(typed.err()).contains("empty line or Ctrl-D").contains("> ");
        assertThat(memory(typed.out().strip()).content()).isEqualTo("Runs 5k\nthree times a week");
    }

    @Test
    void dashOnATerminalEndsAtCtrlD() {
        terminal(Terminal.fixed(true, true, 80));

        String id = stdin("Likes Bach").run("add", "-").succeeded().out().strip();

        assertThat(memory(id).content()).isEqualTo("Likes Bach");
    }

    @Test
    void nothingTypedOnATerminalIsAUsageErrorAndWritesNothing() {
        terminal(Terminal.fixed(true, true, 80));

        Result nothing = stdin("\n").run("add");

        assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(nothing.err()).endsWith("> gptmem: content is empty" + System.lineSeparator());
        assertThat(profileFile("default")).doesNotExist();
    }

    @Test
    void emptyContentIsAUsageErrorAndWritesNothing() {
        add("existing");

        assertThat(stdin("\n").run("add").failedWith(ExitCodes.USAGE).error()).contains("content is empty");
        assertThat(run("add", "  ").failedWith(ExitCodes.USAGE).error()).contains("content is empty");
        assertThat(memories()).hasSize(1);
    }

    @Test
    void stdinThatIsNotUtf8IsRefusedAndWritesNothing() {
        add("existing");

        byte[] latin1 = "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);
        Result result = stdin(latin1).run("add", "-").failedWith(ExitCodes.FAILURE);

        assertThat(result.error()).isEqualTo("standard input is not UTF-8 text (byte 4)");
        assertThat(memories()).hasSize(1);
    }

    @Test
    void aByteOrderMarkBeforeStdinIsNotContent() {
        String id = stdin("\uFEFFnotes from Windows\r\n").run("add").succeeded().out().strip();

        assertThat(memory(id).content()).isEqualTo("notes from Windows");
    }

    @Test
    void invalidTagIsAUsageErrorAndWritesNothing() {
        run("add", "-t", "two words", "text").failedWith(ExitCodes.USAGE);

        assertThat(memories()).isEmpty();
    }

    @Test
    void contentLimitIsCountedInCodePoints() {
        String emoji = "\uD83D\uDE00";
        String id = add(emoji.repeat(100_000));
        assertThat(memory(id).content()).hasSize(200_000).isEqualTo(emoji.repeat(100_000));

        Result tooLong = run("add", "x".repeat(100_001)).failedWith(ExitCodes.USAGE);
        assertThat(tooLong.error()).contains("100,001").contains("100,000");
        assertThat(memories()).hasSize(1);
    }

    @Test
    void firstAddCreatesTheDefaultProfileOwnerOnly() throws Exception {
        add("hello");

        assertThat(profileFile("default")).isRegularFile();
        assertThat(Files.getPosixFilePermissions(profileFile("default")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void addToANamedProfileCreatesItAndKeepsProfilesApart() {
        add("-p", "trainer", "Runs 5k");
        add("Prefers tea");

        assertThat(memories("trainer")).extracting(IncomingMemory::content).containsExactly("Runs 5k");
        assertThat(memories("default")).extracting(IncomingMemory::content).containsExactly("Prefers tea");
    }
}
