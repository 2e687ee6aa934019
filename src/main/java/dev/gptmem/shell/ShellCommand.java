package dev.gptmem.shell;

import dev.gptmem.cli.CliContext;
import dev.gptmem.cli.ModelledCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code gptmem shell}. No JLine type appears in this class, so building the command line for a
 * one-shot command never loads JLine; only {@link #call} reaches it, through {@link Shell}.
 */
public final class ShellCommand extends ModelledCommand implements Callable<Integer> {
    private final CliContext context;

    public ShellCommand(CliContext context) {
        super("Run gptmem commands interactively, or run a script of them from standard input.",
                "At a terminal: a prompt showing the profile and its number of memories. Commands are typed"
                        + " without 'gptmem' and quoted as in a POSIX shell; a line ending in \\ goes on. TAB"
                        + " completes, Ctrl-R searches the history (lines starting with a space are not kept),"
                        + " Ctrl-C cancels the line or stops a running import, export or reindex (which undoes"
                        + " what it began), and output longer than the screen goes through"
                        + " $GPTMEM_PAGER, $PAGER or less. Shell words: 'use PROFILE', 'help [COMMAND]',"
                        + " 'clear', and 'exit', 'quit' or Ctrl-D.",
                "%nWith standard input redirected: runs each line (# starts a comment), naming the line in"
                        + " errors, and exits with the first failing line's code.");
        this.context = context;
        spec.usageMessage().footerHeading("%nExamples:%n")
                .footer("  gptmem shell", "  gptmem -p trainer shell < nightly.txt");
    }

    @Override
    public Integer call() throws Exception {
        Shell shell = new Shell(context, spec.root().commandLine().getOut(), spec.root().commandLine().getErr());
        if (context.terminal().stdinIsTerminal()) {
            return shell.interactive(org.jline.terminal.TerminalBuilder.builder().system(true).build());
        }
        return shell.script(new BufferedReader(new InputStreamReader(context.stdin(), StandardCharsets.UTF_8)));
    }
}
