package dev.gptmem.shell;

import dev.gptmem.cli.Completion;
import dev.gptmem.core.Ids;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * TAB in the shell: what {@link Completion} offers for the line, as JLine candidates, plus the
 * shell's own words. Memory ids show in their short form beside the memory's one line, and file
 * names come from the working folder.
 */
final class ShellCompleter implements Completer {
    private static final List<String> SHELL_WORDS = List.of("use", "help", "clear", "exit", "quit");

    private final Shell shell;
    private final CommandSpec spec;
    private final FileCompleter files;

    ShellCompleter(Shell shell, FileCompleter files) {
        this.shell = shell;
        this.files = files;
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        this.spec = shell.commandLine(none, none).getCommandSpec();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        // The parser's words end at the cursor, so the last one is what is being completed.
        List<String> words = Shell.asRun(line.words().subList(0, line.wordIndex() + 1));
        String word = line.word();
        if (words.size() == 1) {
            SHELL_WORDS.forEach(name -> candidates.add(new Candidate(name)));
        }
        Completion completion = new Completion(spec, shell.lineContext().env());
        // 'use PROFILE' takes what -p takes.
        Completion.Result result = words.size() == 2 && words.get(0).equals("use")
                ? completion.complete(List.of("-p", word))
                : completion.complete(words);
        switch (result.kind()) {
            case FILES -> files.complete(word, false, candidates);
            case DIRECTORIES -> files.complete(word, true, candidates);
            case WORDS -> result.candidates().forEach(c -> candidates.add(new Candidate(c.value(),
                    Ids.isFull(c.value()) ? Ids.shortId(c.value()) : c.value(), null, c.description(), null, null, true)));
        }
    }
}
