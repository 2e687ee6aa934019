package dev.gptmem.core;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Profile names double as file names, so they are checked before any path is built from them. */
public final class ProfileNames {
    public static final String DEFAULT = "default";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    private ProfileNames() {
    }

    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw GptmemException.usage("invalid profile name '" + (name == null ? "" : name)
                    + "': use 1-64 lowercase letters, digits, '-' or '_', starting with a letter or digit");
        }
        return name;
    }

    /**
     * The one of {@code names} that {@code typed} most likely misspells: at most one edit away for
     * a name of up to four characters, two for a longer one, counting a swap of neighbours as one
     * edit. Empty when none is that close, or when two are equally close.
     */
    public static Optional<String> closest(String typed, List<String> names) {
        int allowed = typed.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = allowed + 1;
        boolean tie = false;
        for (String name : names) {
            int distance = distance(typed, name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
                tie = false;
            } else if (distance == bestDistance) {
                tie = true;
            }
        }
        return best == null || tie || best.equals(typed) ? Optional.empty() : Optional.of(best);
    }

    /** Edits (insert, delete, replace, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
