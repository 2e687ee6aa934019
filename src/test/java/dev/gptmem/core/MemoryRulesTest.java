package dev.gptmem.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemoryRulesTest {
    private static final String EMOJI = "\uD83E\uDDE0";

    private static void assertUsageError(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(GptmemException.class).hasMessageContaining(message)
                .extracting(e -> ((GptmemException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void tagsAreLowercasedSortedAndDeduplicated() {
        assertThat(MemoryRules.tags(List.of("Work", "music", " MUSIC ", "art", "work"))).containsExactly("art", "music", "work");
        assertThat(MemoryRules.tags(List.of())).isEmpty();
        assertThat(MemoryRules.tags(List.of("Ünïcode", "日本"))).containsExactly("ünïcode", "日本");
    }

    @ParameterizedTest
    @ValueSource(strings = {"two words", "tab\there", "line\nbreak", "a,b", ",", "nb\u000Bsp"})
    void tagsWithWhitespaceOrCommasAreRejected(String tag) {
        assertUsageError(() -> MemoryRules.tags(List.of("fine", tag)), "invalid tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"em\u2003space", "ideographic\u3000space", "line\u2028separator"})
    void tagsWithNonAsciiWhitespaceAreRejected(String tag) {
        assertThat(tag.codePoints().anyMatch(Character::isWhitespace)).as("Java counts it as whitespace").isTrue();
        assertUsageError(() -> MemoryRules.tag(tag), "invalid tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void emptyTagsAreRejected(String tag) {
        assertUsageError(() -> MemoryRules.tag(tag), "empty tag");
    }

    @Test
    void tagLengthAndCountAreLimited() {
        assertThat(MemoryRules.tag(EMOJI.repeat(64))).hasSize(128);
        assertUsageError(() -> MemoryRules.tag("x".repeat(65)), "longer than 64");

        List<String> hundred = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            hundred.add("t" + i);
        }
        assertThat(MemoryRules.tags(hundred)).hasSize(100);
        hundred.add("t100");
        assertUsageError(() -> MemoryRules.tags(hundred), "at most 100 tags");
    }

    @Test
    void contentLimitIsOneHundredThousandCodePoints() {
        assertThat(MemoryRules.content("x".repeat(100_000))).hasSize(100_000);
        assertThat(MemoryRules.content(EMOJI.repeat(100_000))).hasSize(200_000);
        assertUsageError(() -> MemoryRules.content("x".repeat(100_001)), "content is 100,001 characters long");
        assertUsageError(() -> MemoryRules.content(EMOJI.repeat(100_001)), "100,001");
    }

    @Test
    void anUnpairedSurrogateIsNotText() {
        assertUsageError(() -> MemoryRules.content("bad \uD800 x"),
                "content holds an unpaired surrogate (\\ud800 at character 5)");
        assertUsageError(() -> MemoryRules.content(EMOJI + "\uDC00"), "(\\udc00 at character 2)");
        assertUsageError(() -> MemoryRules.content("ends high \uD83E"), "unpaired surrogate");
        assertUsageError(() -> MemoryRules.optional("reason", "\uDDE0\uD83E"), "reason holds an unpaired surrogate");
        assertUsageError(() -> MemoryRules.tag("t\uD800"), "tag holds an unpaired surrogate");
        assertThat(MemoryRules.content(EMOJI + " paired")).isEqualTo(EMOJI + " paired");
    }

    @Test
    void contentMustNotBeBlankAndIsKeptAsGiven() {
        assertUsageError(() -> MemoryRules.content(null), "content is empty");
        assertUsageError(() -> MemoryRules.content(" \n\t"), "content is empty");
        assertThat(MemoryRules.content("  padded\n")).isEqualTo("  padded\n");
    }

    @Test
    void optionalFieldsAreAbsentWhenBlankAndLimitedLikeContent() {
        assertThat(MemoryRules.optional("name", null)).isNull();
        assertThat(MemoryRules.optional("name", " ")).isNull();
        assertThat(MemoryRules.optional("name", "Plan")).isEqualTo("Plan");
        assertThat(MemoryRules.optional("summary", EMOJI.repeat(100_000))).hasSize(200_000);
        assertUsageError(() -> MemoryRules.optional("summary", "x".repeat(100_001)), "summary is 100,001");
    }

    @Test
    void sourceIsOneToThirtyTwoCharacters() {
        assertThat(MemoryRules.source("mcp")).isEqualTo("mcp");
        assertThat(MemoryRules.source("s".repeat(32))).hasSize(32);
        assertUsageError(() -> MemoryRules.source(""), "invalid source");
        assertUsageError(() -> MemoryRules.source("s".repeat(33)), "invalid source");
    }
}
