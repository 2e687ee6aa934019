package dev.gptmem.core;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;

/** Timestamps are UTC instants with millisecond precision, written ISO-8601 with a {@code Z}. */
public final class Times {
    private static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String format(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    /** Parses any ISO-8601 instant or offset date-time; sub-millisecond digits are dropped. */
    public static Instant parse(String text) {
        try {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), Instant::from)
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw GptmemException.usage("invalid timestamp '" + text
                    + "': expected ISO-8601 such as 2026-11-22T10:00:00.000Z");
        }
    }
}
