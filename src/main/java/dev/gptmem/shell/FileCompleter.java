package dev.gptmem.shell;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;

/**
 * Completes file names relative to the working folder, or from {@code ~/} for the home folder.
 * Folders end in '/' and leave the word open, so TAB can go on into them; hidden entries show only
 * once a '.' is typed, as in bash.
 */
final class FileCompleter {
    private final Path workingDir;
    private final Path userHome;

    FileCompleter(Path workingDir, Path userHome) {
        this.workingDir = workingDir;
        this.userHome = userHome;
    }

    /** Adds the entries whose names start as {@code typed} does; with {@code foldersOnly}, folders alone. */
    void complete(String typed, boolean foldersOnly, List<Candidate> candidates) {
        int slash = typed.lastIndexOf('/');
        String folderPart = typed.substring(0, slash + 1);
        String prefix = typed.substring(slash + 1);
        Path folder;
        if (folderPart.startsWith("~/")) {
            folder = userHome.resolve(folderPart.substring(2));
        } else {
            folder = workingDir.resolve(folderPart.isEmpty() ? "." : folderPart);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(prefix) || (name.startsWith(".") && !prefix.startsWith("."))) {
                    continue;
                }
                boolean isFolder = Files.isDirectory(entry);
                if (foldersOnly && !isFolder) {
                    continue;
                }
                String value = folderPart + name + (isFolder ? "/" : "");
                candidates.add(new Candidate(value, name + (isFolder ? "/" : ""), null, null, null, null, !isFolder));
            }
        } catch (IOException e) {
            // A folder that cannot be read has nothing to offer.
        }
    }
}
