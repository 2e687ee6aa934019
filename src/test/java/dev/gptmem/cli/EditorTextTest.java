package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gptmem.core.ExitCodes;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryEdit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EditorTextTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static Memory memory(String content, String name, String summary, String reason, List<String> tags,
                                 boolean pinned) {
        return new Memory("3f2a9c1e-0b4d-4e5f-8a6b-7c8d9e0f1a2b", content, name, summary, reason, tags, pinned,
                "cli", T, T);
    }

    private static Memory roundTrip(Memory m) {
        return EditorText.parse(EditorText.render(m)).applyTo(m);
    }

    @Test
    void renderThenParseGivesTheSameFields() {
        Memory m = memory("Runs 5k\non Mon, Wed, Fri", "Plan", "Weekly: runs", "Asked", List.of("fitness", "plans"), true);

        MemoryEdit edit = EditorText.parse(EditorText.render(m));

        assertThat(edit.content()).isEqualTo(m.content());
        assertThat(edit.name()).isEqualTo("Plan");
        assertThat(edit.summary()).isEqualTo("Weekly: runs");
        assertThat(edit.reason()).isEqualTo("Asked");
        assertThat(edit.tags()).containsExactly("fitness", "plans");
        assertThat(edit.pinned()).isTrue();
        assertThat(edit.applyTo(m).sameFieldsAs(m)).isTrue();
    }

    @Test
    void absentFieldsStayAbsent() {
        Memory m = memory("only content", null, null, null, List.of(), false);

        Memory back = roundTrip(m);

        assertThat(back.name()).isNull();
        assertThat(back.summary()).isNull();
        assertThat(back.reason()).isNull();
        assertThat(back.tags()).isEmpty();
        assertThat(back.pinned()).isFalse();
        assertThat(back.sameFieldsAs(m)).isTrue();
    }

    @Test
    void multiLineReasonAndBackslashesSurvive() {
        Memory m = memory("x", "C:\\new\\table", null, "Line one\nLine two\n\nafter a gap \\n literal", List.of(), false);

        String text = EditorText.render(m);
        Memory back = roundTrip(m);

        assertThat(text).contains("reason: Line one\\nLine two\\n\\nafter a gap \\\\n literal\n");
        assertThat(back.reason()).isEqualTo("Line one\nLine two\n\nafter a gap \\n literal");
        assertThat(back.name()).isEqualTo("C:\\new\\table");
    }

    @Test
    void contentIsTakenVerbatimAfterTheBlankLine() {
        String content = "\n\n# not a comment\nname: not a header\n\n  indented\ttab 😀";
        Memory m = memory(content, "Plan", null, null, List.of(), false);

        assertThat(roundTrip(m).content()).isEqualTo(content);
    }

    @Test
    void contentLosesOnlyTrailingLineBreaks() {
        assertThat(EditorText.parse("name: x\n\nbody\n\n\n").content()).isEqualTo("body");
    }

    @Test
    void headerIsForgivingAboutCommentsCaseAndSpacing() {
        MemoryEdit edit = EditorText.parse("# help\nName:   Plan  \n# more help\nTAGS: B ,a,, c\npinned: Y\n\nbody");

        assertThat(edit.name()).isEqualTo("Plan");
        assertThat(edit.tags()).containsExactly("B", "a", "c");
        assertThat(edit.pinned()).isTrue();
        assertThat(edit.summary()).isEmpty();
        assertThat(edit.content()).isEqualTo("body");
        assertThat(edit.applyTo(memory("old", "Old", "Old summary", null, List.of("z"), false)).tags())
                .containsExactly("a", "b", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour: blue\n\nbody", "just words\n\nbody", "pinned: maybe\n\nbody"})
    void unreadableHeaderIsAUsageError(String text) {
        assertThatThrownBy(() -> EditorText.parse(text)).isInstanceOf(GptmemException.class)
                .hasMessageStartingWith("cannot read the edited memory")
                .extracting(e -> ((GptmemException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void renderedTextExplainsItselfInComments() {
        String text = EditorText.render(memory("x", null, null, null, List.of(), false));

        assertThat(text).startsWith("# ");
        assertThat(text).contains("\nname: \n", "\ntags: \n", "\npinned: no\n\nx\n");
    }
}
