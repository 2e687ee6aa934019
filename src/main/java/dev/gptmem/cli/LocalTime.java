package dev.gptmem.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Timestamps as people read them in tables: local time to the minute. A class of its own so that
 * java.time's formatting machinery loads only when a table is printed, not on every command.
 */
final class LocalTime {
    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private LocalTime() {
    }

    static String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }
}
