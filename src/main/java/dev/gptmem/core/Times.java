package dev.gptmem.core;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Timestamps are UTC instants with millisecond precision, written ISO-8601 with a {@code Z}. */
public final class Times {
    private static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private static final Pattern AGO = Pattern.compile("(\\d+)\\s*([mhdw])");
    /**
     * The times a memory can carry: years of four digits, as ISO-8601 writes them without a sign.
     * Past them, Lucene's and H2's millisecond arithmetic overflows.
     */
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    /** A wall-clock time as tables show it ({@code 2026-11-22 10:00}), or with a T, with or without seconds. */
    private static final Pattern LOCAL =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ t]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?");

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
        Instant instant;
        try {
            instant = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.strip(), Instant::from)
                    .truncatedTo(ChronoUnit.MILLIS);
        } catch (DateTimeParseException e) {
            throw GptmemException.usage("invalid timestamp '" + text
                    + "': expected ISO-8601 such as 2026-11-22T10:00:00.000Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw GptmemException.usage("invalid timestamp '" + text + "': the year must be from 0000 to 9999");
        }
        return instant;
    }

    /**
     * The start of a {@code --since} window: a date (midnight in {@code zone}), a time of day on a
     * date in {@code zone} as tables show it ({@code 2026-11-22 10:00}), an ISO-8601 timestamp, or a
     * span back from {@code now} such as {@code 30m}, {@code 12h}, {@code 7d}, {@code 2w}; or
     * {@code today} or {@code yesterday}, from midnight in {@code zone}.
     */
    public static Instant since(String text, Instant now, ZoneId zone) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("today") || t.equals("yesterday")) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            return (t.equals("today") ? today : today.minusDays(1)).atStartOfDay(zone).toInstant();
        }
        Matcher ago = AGO.matcher(t);
        if (ago.matches()) {
            Duration unit = switch (ago.group(2)) {
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            try {
                Instant start = now.minus(unit.multipliedBy(Long.parseLong(ago.group(1))));
                return start.isBefore(EARLIEST) ? EARLIEST : start;
            } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
                // A span longer than time can hold reaches back past any memory: it means all of them.
                return EARLIEST;
            }
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay(zone).toInstant();
            }
            if (LOCAL.matcher(t).matches()) {
                return LocalDateTime.parse(t.replace(' ', 'T').toUpperCase(Locale.ROOT)).atZone(zone).toInstant()
                        .truncatedTo(ChronoUnit.MILLIS);
            }
            return parse(text);
        } catch (DateTimeParseException | GptmemException e) {
            throw GptmemException.usage("invalid date '" + text
                    + "': give a date (2026-11-22), a local time (2026-11-22 10:00), a timestamp"
                    + " (2026-11-22T10:00:00Z), a span such as 7d, 12h, 2w, or today or yesterday");
        }
    }
}
