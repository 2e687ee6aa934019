package dev.gptmem;

import dev.gptmem.cli.Cli;
import dev.gptmem.cli.HelpCommand;
import dev.gptmem.core.Cancellation;
import dev.gptmem.core.ExitCodes;
import dev.gptmem.shell.ShellCommand;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Entry point: the only place that exits the JVM. */
public final class Main {
    /**
     * The commands only the real program has, after those of {@code Cli.create}. The shell is one,
     * so a line typed in the shell cannot start another shell; help is another, as the shell has
     * a help of its own.
     */
    public static final List<Cli.Entry> PROGRAM_COMMANDS = List.of(new Cli.Entry("shell", List.of(), ShellCommand::new),
            new Cli.Entry("help", List.of(), HelpCommand::new));

    /**
     * How long Ctrl-C or a request to terminate waits for an import, export or reindex to undo
     * itself (roll back, remove its partial files, say so) before the process ends regardless.
     */
    private static final long UNDO_SECONDS = 10;

    private Main() {
    }

    public static void main(String[] args) {
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (Cancellation.end()) {
                try {
                    finished.await(UNDO_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "gptmem-cancel"));
        int code = Cli.run(PROGRAM_COMMANDS, args);
        if (code == ExitCodes.OK && Cancellation.ending()) {
            // The signal came when the work had passed its last point of stopping (an import
            // saving what it read, an export writing its last memory): the work is done and said
            // so. System.exit would wait for the signal's own shutdown and end with its status;
            // so would the hook, were it let go before this.
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }
        finished.countDown();
        System.exit(code);
    }
}
