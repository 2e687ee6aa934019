package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryEdit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A memory as text for an editor: header lines ({@code name:}, {@code summary:}, {@code reason:},
 * {@code tags:}, {@code pinned:}), a blank line, then the content exactly as it is. Lines starting
 * with {@code #} in the header are comments; line breaks inside a header value are written {@code \n}.
 */
final class EditorText {
    private static final String HELP = "# Edit the fields and the content below the blank line, then save and quit.\n"
            + "# An empty value clears a field. Empty content, or quitting without saving, changes nothing.\n";

    private EditorText() {
    }

    static String render(Memory m) {
        return HELP
                + "name: " + escape(m.name()) + "\n"
                + "summary: " + escape(m.summary()) + "\n"
                + "reason: " + escape(m.reason()) + "\n"
                + "tags: " + String.join(", ", m.tags()) + "\n"
                + "pinned: " + (m.pinned() ? "yes" : "no") + "\n"
                + "\n"
                + m.content() + "\n";
    }

    /** Reads the edited text back as an edit of every field. */
    static MemoryEdit parse(String text) {
        String name = "";
        String summary = "";
        String reason = "";
        List<String> tags = new ArrayList<>();
        Boolean pinned = false;
        String[] lines = text.split("\n", -1);
        int i = 0;
        for (; i < lines.length && !lines[i].isBlank(); i++) {
            String line = lines[i];
            if (line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw GptmemException.usage("cannot read the edited memory: '" + line
                        + "' is not 'field: value' (leave a blank line before the content)");
            }
            String field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (field) {
                case "name": name = unescape(value); break;
                case "summary": summary = unescape(value); break;
                case "reason": reason = unescape(value); break;
                case "tags":
                    Arrays.stream(value.split(",")).map(String::strip).filter(t -> !t.isEmpty()).forEach(tags::add);
                    break;
                case "pinned": pinned = yesNo(value); break;
                default:
                    throw GptmemException.usage("cannot read the edited memory: unknown field '" + field + "'");
            }
        }
        String content = String.join("\n", Arrays.asList(lines).subList(Math.min(i + 1, lines.length), lines.length))
                .replaceFirst("\\n+$", "");
        return new MemoryEdit(content, name, summary, reason, tags, null, null, pinned);
    }

    private static boolean yesNo(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes": case "true": case "y": return true;
            case "no": case "false": case "n": case "": return false;
            default: throw GptmemException.usage("cannot read the edited memory: pinned must be yes or no");
        }
    }

    /** Header values stay on one line: line breaks are written as \n and backslashes doubled. */
    private static String escape(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(++i);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
