package dev.gptmem.cli;

import dev.gptmem.core.BackupService;
import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ImportOptions;
import dev.gptmem.core.OwnerOnly;
import dev.gptmem.io.ImportReaders;
import dev.gptmem.io.JsonHomeReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * {@code import --all}: restores a backup of every profile. The backup is read twice (checked
 * whole, then imported), so standard input is first copied to a private temporary file.
 */
final class Restore {
    private final CliContext context;
    private final PrintWriter err;

    Restore(CliContext context, PrintWriter err) {
        this.context = context;
        this.err = err;
    }

    void run(String file, ImportOptions options) {
        if (context.globals().profile != null) {
            throw GptmemException.usage("--all restores every profile the backup holds; leave out -p");
        }
        boolean stdin = file == null || "-".equals(file);
        if (file == null && context.terminal().stdinIsTerminal()) {
            throw GptmemException.usage("no input: give a FILE, or pipe the data in (see 'gptmem import --help')");
        }
        if (!stdin && !Files.exists(Path.of(file))) {
            throw GptmemException.notFound("no such file: " + file);
        }
        // A pipe (stdin, or a named one such as <(…)) can be read only once.
        boolean spooled = stdin || !Files.isRegularFile(Path.of(file));
        Path source = spooled ? spool(file) : Path.of(file);
        try {
            int[] pass = {0};
            List<BackupService.Restored> restored = context.backup().importAll(() -> {
                boolean checking = ++pass[0] == 1;
                return new JsonHomeReader(open(source, checking ? "checking" : "importing"),
                        w -> {
                            if (checking) {
                                err.println(context.errorPrefix() + "warning: " + w);
                            }
                        });
            }, options);
            for (BackupService.Restored r : restored) {
                err.println(ImportCommand.summary(r.result(), r.profile()));
            }
            err.println((options.dryRun() ? "would have restored " : "restored ") + restored.size()
                    + (restored.size() == 1 ? " profile" : " profiles"));
        } finally {
            if (spooled) {
                try {
                    Files.deleteIfExists(source);
                } catch (IOException e) {
                    // A private file in the temporary folder; the outcome of the import is what counts.
                }
            }
        }
    }

    private Path spool(String file) {
        Path copy = null;
        try {
            copy = Files.createTempFile("gptmem-restore-", ".json");
            OwnerOnly.file(copy);
            if (file == null || "-".equals(file)) {
                Files.copy(context.stdin(), copy, StandardCopyOption.REPLACE_EXISTING);
            } else {
                try (InputStream in = Files.newInputStream(Path.of(file))) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return copy;
        } catch (IOException e) {
            try {
                if (copy != null) {
                    Files.deleteIfExists(copy);
                }
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw GptmemException.io("cannot read " + (file == null ? "-" : file), e);
        }
    }

    private InputStream open(Path source, String what) {
        try {
            InputStream in = Files.newInputStream(source);
            if (context.terminal().stderrIsTerminal()) {
                in = ProgressBar.reading(in, Files.size(source), what, err, context.progressDelay());
            }
            try {
                return ImportReaders.uncompressed(in);
            } catch (IOException e) {
                in.close();
                throw e;
            }
        } catch (IOException e) {
            throw GptmemException.io("cannot read " + source, e);
        }
    }
}
