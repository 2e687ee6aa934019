package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.OwnerOnly;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the user's editor ({@code $VISUAL}, else {@code $EDITOR}, else vi) on a private temporary file. */
final class Editor {

    private Editor() {
    }

    /**
     * Edits {@code text}. An editor the user named runs wherever it is, as git runs one (a script may
     * name one that edits without a person); vi, the fallback, only on a terminal, where a person can use it.
     */
    static String edit(Map<String, String> env, String text, boolean terminal) {
        String named = firstSet(env.get("VISUAL"), env.get("EDITOR"));
        String editor = named != null ? named : "vi";
        if (named == null && !terminal) {
            throw GptmemException.usage("no terminal to edit on: give the changes as options (-c, -n, -s, -r, -t,"
                    + " --pin ...), or set EDITOR to an editor that needs none");
        }
        Path file = null;
        try {
            file = Files.createTempFile("gptmem-", ".txt");
            OwnerOnly.file(file);
            Files.writeString(file, text, StandardCharsets.UTF_8);
            // Through sh, so EDITOR may carry arguments ("code --wait"), as git allows.
            Process process = new ProcessBuilder("sh", "-c", editor + " \"$1\"", editor, file.toString())
                    .inheritIO()
                    .start();
            int status = process.waitFor();
            if (status != 0) {
                throw GptmemException.failure("editor '" + editor + "' exited with status " + status
                        + "; nothing was changed");
            }
            return Input.utf8(Files.readAllBytes(file), "the edited file");
        } catch (IOException e) {
            throw GptmemException.failure("cannot run editor '" + editor + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GptmemException.failure("interrupted while waiting for the editor; nothing was changed");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // A leftover private temp file is not worth failing the edit for.
                }
            }
        }
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
