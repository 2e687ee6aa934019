package dev.gptmem.core;

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
}
