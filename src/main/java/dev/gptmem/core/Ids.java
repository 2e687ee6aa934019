package dev.gptmem.core;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Memory ids: random UUIDs, addressed in full or by a unique prefix of 4+ hex digits. */
public final class Ids {
    public static final int MIN_PREFIX = 4;
    private static final Pattern PREFIX = Pattern.compile("[0-9a-f][0-9a-f-]{3,35}");
    private static final Pattern FULL =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static boolean isFull(String id) {
        return FULL.matcher(id).matches();
    }

    /** Normalises what a user typed as an id or prefix; rejects what can never match. */
    public static String prefix(String typed) {
        String prefix = typed.strip().toLowerCase(Locale.ROOT);
        if (!PREFIX.matcher(prefix).matches()) {
            throw GptmemException.usage("invalid id '" + typed + "': give a full id or at least "
                    + MIN_PREFIX + " of its leading hex digits");
        }
        return prefix;
    }

    /** A full id as imported: any case, stored lowercase. */
    public static String imported(String id) {
        String normal = id.strip().toLowerCase(Locale.ROOT);
        if (!isFull(normal)) {
            throw GptmemException.usage("invalid id '" + id + "': expected a UUID");
        }
        return normal;
    }

    /** The short form people see in tables. */
    public static String shortId(String id) {
        return id.substring(0, 8);
    }
}
