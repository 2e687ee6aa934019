package dev.gptmem.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {

    @Test
    void formatAlwaysWritesMillisecondsAndZ() {
        assertThat(Times.format(Instant.parse("2026-11-22T10:00:00Z"))).isEqualTo("2026-11-22T10:00:00.000Z");
        assertThat(Times.format(Instant.parse("2026-11-22T10:00:00.5Z"))).isEqualTo("2026-11-22T10:00:00.500Z");
        assertThat(Times.format(Instant.parse("1999-01-02T03:04:05.678Z"))).isEqualTo("1999-01-02T03:04:05.678Z");
    }

    @ParameterizedTest
    @CsvSource({
        "2026-11-22T10:00:00.000Z,      2026-11-22T10:00:00.000Z",
        "2026-11-22T10:00:00Z,          2026-11-22T10:00:00.000Z",
        "2026-11-22T12:00:00.123+02:00, 2026-11-22T10:00:00.123Z",
        "2026-11-22T05:30:00-04:30,     2026-11-22T10:00:00.000Z",
        "2026-11-23T00:30:00+14:30,     2026-11-22T10:00:00.000Z",
        "2026-11-22T10:00:00.123456789Z, 2026-11-22T10:00:00.123Z",
        "' 2026-11-22T10:00:00Z ',      2026-11-22T10:00:00.000Z",
        "0000-01-01T00:00:00Z,          0000-01-01T00:00:00.000Z",
        "9999-12-31T23:59:59.999Z,      9999-12-31T23:59:59.999Z"
    })
    void parseConvertsOffsetsToUtcAndKeepsMilliseconds(String text, String expected) {
        assertThat(Times.format(Times.parse(text))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-22", "2026-11-22T10:00:00", "2026-13-01T00:00:00Z", "1700000000000",
            "+999999999-12-31T23:59:59Z", "-0001-12-31T23:59:59Z", "+10000-01-01T00:00:00Z"})
    void parseRejectsWhatIsNotAnInstantWithAnOffset(String text) {
        assertThatThrownBy(() -> Times.parse(text)).isInstanceOf(GptmemException.class)
                .hasMessageContaining("invalid timestamp")
                .extracting(e -> ((GptmemException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @ParameterizedTest
    @CsvSource({
        "2026-11-20,              2026-11-19T23:00:00.000Z",
        "2026-11-20 09:30,        2026-11-20T08:30:00.000Z",
        "2026-11-20T09:30,        2026-11-20T08:30:00.000Z",
        "2026-11-20t09:30:15,     2026-11-20T08:30:15.000Z",
        "2026-11-20 09:30:15.25,  2026-11-20T08:30:15.250Z",
        "2026-11-20T09:30:00Z,    2026-11-20T09:30:00.000Z",
        "2026-11-20T09:30:00+01:00, 2026-11-20T08:30:00.000Z",
        "30m,                     2026-11-22T09:30:00.000Z",
        "12h,                     2026-11-21T22:00:00.000Z",
        "2d,                      2026-11-20T10:00:00.000Z",
        "1w,                      2026-11-15T10:00:00.000Z",
        "'  7D ',                 2026-11-15T10:00:00.000Z",
        "800000d,                 0000-01-01T00:00:00.000Z",
        "9999999999999d,          0000-01-01T00:00:00.000Z",
        "99999999999999999999w,   0000-01-01T00:00:00.000Z",
        "today,                   2026-11-21T23:00:00.000Z",
        "' Yesterday ',           2026-11-20T23:00:00.000Z"
    })
    void sinceTakesDatesLocalTimesTimestampsAndSpans(String text, String expected) {
        assertThat(Times.format(Times.since(text, NOW, BERLIN))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "tomorrow", "-5d", "1y", "2026-13-01", "2026-11-20 25:00", "2026-11-20 9:30",
            "2026-11-20 09:30 +01:00"})
    void sinceRejectsTheRestNamingWhatItTakes(String text) {
        assertThatThrownBy(() -> Times.since(text, NOW, BERLIN)).isInstanceOf(GptmemException.class)
                .hasMessageContaining("invalid date '" + text + "'")
                .hasMessageContaining("a local time (2026-11-22 10:00)")
                .extracting(e -> ((GptmemException) e).exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void nowHasMillisecondPrecision() {
        Instant now = Times.now();

        assertThat(now.getNano() % 1_000_000).isZero();
        assertThat(Times.parse(Times.format(now))).isEqualTo(now);
    }
}
