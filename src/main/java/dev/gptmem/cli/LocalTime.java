package dev.gptmem.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneRules;

/**
 * Timestamps as people read them in tables: local time to the minute. A class of its own so that
 * java.time's zone rules load only when a table is printed, not on every command.
 */
final class LocalTime {
    private static final ZoneId ZONE = ZoneId.systemDefault();

    static final String PATTERN = "yyyy-MM-dd HH:mm";

    private LocalTime() {
    }

    /**
     * {@code yyyy-MM-dd HH:mm} in the system's time zone. Written out by hand: a DateTimeFormatter
     * took 5 ms of a cold 'gptmem list' of 1,000 memories, loading and interpreting its printer
     * chain. Years outside 1-9999 keep the formatter's output
     * (its 'yyyy' is the year of the era, so year 0 is 1 BC).
     */
    static String format(Instant instant) {
        return format(instant, ZONE);
    }

    static String format(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        ZoneRules rules = zone.getRules();
        LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, rules.getOffset(instant));
        int year = time.getYear();
        if (year < 1 || year > 9999) {
            return DateTimeFormatter.ofPattern(PATTERN).withZone(zone).format(instant);
        }
        char[] text = new char[16];
        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, time.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, time.getDayOfMonth(), 2);
        text[10] = ' ';
        digits(text, 11, time.getHour(), 2);
        text[13] = ':';
        digits(text, 14, time.getMinute(), 2);
        return new String(text);
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
