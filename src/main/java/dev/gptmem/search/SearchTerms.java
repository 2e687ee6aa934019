package dev.gptmem.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns what a user typed after {@code search} into the words every match must contain. */
public final class SearchTerms {

    private SearchTerms() {
    }

    /** Splits on whitespace and lowercases; {@code ["Metric  UNITS"]} gives {@code [metric, units]}. */
    public static List<String> words(List<String> typed) {
        List<String> words = new ArrayList<>();
        for (String part : typed) {
            for (String word : part.strip().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
        }
        return words;
    }
}
