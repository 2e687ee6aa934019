package dev.gptmem.core;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What a valid memory is: field limits and the normal form of tags; and a profile's description. */
public final class MemoryRules {
    /** Longest content, and longest of any other text field, in characters (Unicode code points). */
    public static final int MAX_TEXT = 100_000;
    public static final int MAX_TAG = 64;
    public static final int MAX_TAGS = 100;
    public static final int MAX_SOURCE = 32;
    /** Longest profile description, in code points: room for a GPT's instructions, well within its column. */
    public static final int MAX_DESCRIPTION = 10_000;

    // Any Unicode whitespace, not just ASCII: an em space in a tag is as confusing as a space.
    private static final Pattern TAG = Pattern.compile("[^\\s,]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NOT_TAG = Pattern.compile("[\\s,]+", Pattern.UNICODE_CHARACTER_CLASS);

    private MemoryRules() {
    }

    /** Checks the content and returns it unchanged. */
    public static String content(String content) {
        if (content == null || content.isBlank()) {
            throw GptmemException.usage("content is empty");
        }
        return text("content", content);
    }

    /** Checks an optional text field; blank means absent. */
    public static String optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return text(field, value);
    }

    /** Checks a profile's description and returns it without surrounding whitespace; blank means none. */
    public static String description(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        return text("the profile description", description.strip(), MAX_DESCRIPTION);
    }

    private static String text(String field, String value) {
        return text(field, value, MAX_TEXT);
    }

    private static String text(String field, String value, int limit) {
        int length = codePoints(field, value);
        if (length > limit) {
            throw GptmemException.usage(String.format(Locale.ROOT,
                    "%s is %,d characters long; the limit is %,d", field, length, limit));
        }
        return value;
    }

    /**
     * Counts the code points of a text field, refusing an unpaired surrogate: a JSON escape can
     * carry one, but it is no Unicode character, and the profile's UTF-8 would keep only
     * a '?' in its place.
     */
    private static int codePoints(String field, String value) {
        int count = 0;
        for (int i = 0, n = value.length(); i < n; i++, count++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw GptmemException.usage(String.format(Locale.ROOT,
                            "%s holds an unpaired surrogate (\\u%04x at character %d), which is not Unicode text",
                            field, (int) c, count + 1));
                }
            }
        }
        return count;
    }

    /** Lowercases, deduplicates and sorts tags; rejects empty ones and ones with whitespace or commas. */
    public static List<String> tags(Collection<String> tags) {
        TreeSet<String> normal = new TreeSet<>();
        for (String raw : tags) {
            normal.add(tag(raw));
        }
        if (normal.size() > MAX_TAGS) {
            throw GptmemException.usage("a memory has at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(normal);
    }

    /**
     * A tag made from a label another tool gave, such as an entity type or category: "Travel plans"
     * becomes {@code travel-plans}. Returns null when nothing of it is left.
     */
    public static String tagFrom(String label) {
        if (label == null) {
            return null;
        }
        String tag = NOT_TAG.matcher(label.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        if (tag.codePointCount(0, tag.length()) > MAX_TAG) {
            tag = tag.substring(0, tag.offsetByCodePoints(0, MAX_TAG));
        }
        tag = tag.replaceAll("^-+|-+$", "");
        return tag.isEmpty() ? null : tag;
    }

    public static String tag(String raw) {
        String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
            throw GptmemException.usage("empty tag");
        }
        if (!TAG.matcher(tag).matches()) {
            throw GptmemException.usage("invalid tag '" + raw + "': tags have no whitespace or commas");
        }
        if (codePoints("tag", tag) > MAX_TAG) {
            throw GptmemException.usage("tag '" + raw + "' is longer than " + MAX_TAG + " characters");
        }
        return tag;
    }

    public static String source(String source) {
        if (source == null || source.isBlank() || source.length() > MAX_SOURCE) {
            throw GptmemException.usage("invalid source '" + source + "': 1 to " + MAX_SOURCE + " characters");
        }
        return source;
    }
}
