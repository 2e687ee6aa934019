package dev.gptmem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/** The hand-written text helpers of tables give what the library calls they replace gave. */
class TableTextTest {

    @Example
    void oneLineJoinsLinesAndRunsOfSpace() {
        assertThat(Table.oneLine("  first line\n\n second\t\tthird  ")).isEqualTo("first line second third");
        assertThat(Table.oneLine("already one line")).isEqualTo("already one line");
        assertThat(Table.oneLine("a\r\nb")).isEqualTo("a b");
        assertThat(Table.oneLine("\u2003wide\u2003")).isEqualTo("wide");
        assertThat(Table.oneLine(" \n\t ")).isEmpty();
        assertThat(Table.oneLine(null)).isEmpty();
    }

    @Property(tries = 2000)
    void oneLineIsStripThenRegexCollapse(@ForAll("spacedText") String text) {
        assertThat(Table.oneLine(text)).isEqualTo(text.strip().replaceAll("\\s+", " "));
    }

    @Provide
    Arbitrary<String> spacedText() {
        return Arbitraries.strings().withChars(" \t\n\u000B\f\r\u00A0\u2003\u2028ab\u00e9\u4e2d")
                .ofMaxLength(12);
    }

    @Example
    void widthIsTheColumnsATerminalGives() {
        assertThat(Columns.width("plain")).isEqualTo(5);
        assertThat(Columns.width("日本語")).isEqualTo(6);
        assertThat(Columns.width("🎉 ok")).isEqualTo(5);
        assertThat(Columns.width("cafe\u0301")).isEqualTo(4);
        assertThat(Columns.width("")).isZero();
    }

    @Example
    void cutCountsColumnsAndNeverSplitsACharacter() {
        assertThat(Columns.cut("日本語のテキスト", 7)).isEqualTo("日本語…");
        assertThat(Columns.cut("日本語のテキスト", 8)).isEqualTo("日本語…");
        assertThat(Columns.cut("🎉🎉🎉", 4)).isEqualTo("🎉…");
        assertThat(Columns.cut("abcdef", 4)).isEqualTo("abc…");
        assertThat(Columns.cut("abcd", 4)).isEqualTo("abcd");
        assertThat(Columns.cut("日本", 4)).isEqualTo("日本");
    }

    @Example
    void controlCharactersAreShownNotSent() {
        assertThat(Table.visible("bad \u001b[31mred\u0007")).isEqualTo("bad ^[[31mred^G");
        assertThat(Table.visible("del\u007f c1\u009b")).isEqualTo("del^? c1<U+009B>");
        assertThat(Table.visible("tab\tline\n")).isEqualTo("tab^Iline^J");
        assertThat(Table.visible("a\tb\r\nc\rd\u001b", true)).isEqualTo("a\tb\r\nc^Md^[");
        assertThat(Table.oneLine("one\ntwo \u001b]0;title\u0007")).isEqualTo("one two ^[]0;title^G");
        String clean = "no controls, 日本語, café";
        assertThat(Table.visible(clean)).isSameAs(clean);
    }

    @Property(tries = 2000)
    void shownTextHoldsNoControlCharacterAndIsCutToItsColumns(@ForAll("controlText") String text,
            @ForAll @IntRange(min = 1, max = 8) int columns) {
        String shown = Table.visible(text);
        assertThat(shown.chars()).noneMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F);
        assertThat(Table.visible(shown)).isEqualTo(shown);
        assertThat(Columns.width(Columns.cut(shown, columns))).isLessThanOrEqualTo(columns);
    }

    @Provide
    Arbitrary<String> controlText() {
        return Arbitraries.of("\u0000", "\u0007", "\t", "\n", "\r", "\u001b", "\u007f", "\u0085", "\u009b", "a", "b",
                "日", "🎉", "\u0301").list().ofMaxSize(12).map(parts -> String.join("", parts));
    }

    @Example
    void localTimeCrossesDaylightSavingLikeTheFormatter() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertThat(LocalTime.format(Instant.parse("2026-03-29T00:59:59Z"), berlin)).isEqualTo("2026-03-29 01:59");
        assertThat(LocalTime.format(Instant.parse("2026-03-29T01:00:00Z"), berlin)).isEqualTo("2026-03-29 03:00");
        assertThat(LocalTime.format(Instant.parse("2026-10-25T00:30:00Z"), berlin)).isEqualTo("2026-10-25 02:30");
        assertThat(LocalTime.format(Instant.parse("2026-10-25T01:30:00Z"), berlin)).isEqualTo("2026-10-25 02:30");
        assertThat(LocalTime.format(null, berlin)).isEmpty();
    }

    @Property(tries = 2000)
    void localTimeMatchesTheFormatter(@ForAll("instants") Instant instant, @ForAll("zones") String zone) {
        ZoneId id = ZoneId.of(zone);
        assertThat(LocalTime.format(instant, id))
                .isEqualTo(DateTimeFormatter.ofPattern(LocalTime.PATTERN).withZone(id).format(instant));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Mostly the years memories are written in; also -10000 to 12000, whose far ends the
        // formatter handles itself, and the edges of four-digit years.
        Arbitrary<Long> recent = Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L);
        Arbitrary<Long> wide = Arbitraries.longs().between(-377_705_116_800L, 316_535_875_200L);
        Arbitrary<Long> edges = Arbitraries.of(-62_167_219_200L, -62_167_219_201L, 253_402_300_799L,
                253_402_300_800L, 0L);
        return Arbitraries.frequencyOf(Tuple.of(6, recent), Tuple.of(3, wide), Tuple.of(1, edges))
                .flatMap(second -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nano -> Instant.ofEpochSecond(second, nano)));
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata", "Australia/Lord_Howe",
                "Pacific/Chatham", "America/Los_Angeles", "Asia/Kathmandu");
    }
}
