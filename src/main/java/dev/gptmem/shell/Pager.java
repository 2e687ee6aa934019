package dev.gptmem.shell;

import dev.gptmem.cli.Columns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shows a command's output through a pager when it would not fit on the screen, as git does:
 * {@code $GPTMEM_PAGER}, else {@code $PAGER}, else {@code less} (with {@code LESS=FRX} unless the
 * user set LESS, so colours pass through and the text stays on screen when it ends). An empty
 * pager or {@code cat} turns paging off.
 */
final class Pager {
    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");

    private final String command;
    private final Map<String, String> env;

    Pager(Map<String, String> env) {
        String chosen = env.containsKey("GPTMEM_PAGER") ? env.get("GPTMEM_PAGER") : env.getOrDefault("PAGER", "less");
        this.command = chosen.isBlank() || chosen.strip().equals("cat") ? null : chosen;
        this.env = env;
    }

    /**
     * True when {@code text} takes more rows than the screen has, lines wrapped at {@code columns}
     * (a CJK character or an emoji taking two of them).
     */
    static boolean tooLong(String text, int rows, int columns) {
        if (rows <= 0) {
            return false;
        }
        long needed = 0;
        for (String line : text.split("\n", -1)) {
            String plain = ESCAPES.matcher(line).replaceAll("");
            int length = Columns.width(plain);
            needed += columns > 0 ? Math.max(1, (length + columns - 1) / columns) : 1;
            if (needed > rows) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the pager on {@code text}, on the terminal the shell runs on; false when there is no
     * pager to run, so the caller prints the text itself.
     */
    boolean show(String text) {
        if (command == null) {
            return false;
        }
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (!env.containsKey("LESS")) {
            builder.environment().put("LESS", "FRX");
        }
        try {
            Process pager = builder.start();
            try (OutputStream in = pager.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException quitEarly) {
                // The reader quit before reading everything (q in less): nothing more to show.
            }
            return pager.waitFor() != 127;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
