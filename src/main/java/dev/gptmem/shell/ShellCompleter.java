package dev.gptmem.shell;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.ProfileInfo;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.AutoComplete;
import picocli.CommandLine.Model.CommandSpec;

/** Completes shell words, command names and options (from picocli's model), and profile names. */
final class ShellCompleter implements Completer {
    private static final List<String> SHELL_WORDS = List.of("use", "help", "exit", "quit");

    private final Shell shell;
    private final CommandSpec spec;

    ShellCompleter(Shell shell) {
        this.shell = shell;
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        this.spec = shell.commandLine(none, none).getCommandSpec();
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        int index = line.wordIndex();
        String previous = index > 0 ? words.get(index - 1) : "";
        if (index == 0) {
            SHELL_WORDS.forEach(word -> candidates.add(new Candidate(word)));
        }
        if ((index == 1 && words.get(0).equals("use")) || previous.equals("-p") || previous.equals("--profile")) {
            profiles().forEach(name -> candidates.add(new Candidate(name)));
            return;
        }
        String word = words.get(index).substring(0, line.wordCursor());
        List<CharSequence> suffixes = new ArrayList<>();
        AutoComplete.complete(spec, words.toArray(String[]::new), index, line.wordCursor(), line.cursor(), suffixes);
        suffixes.forEach(suffix -> candidates.add(new Candidate(word + suffix)));
    }

    private List<String> profiles() {
        try {
            return shell.lineContext().profiles().list().stream().map(ProfileInfo::name).toList();
        } catch (GptmemException e) {
            return List.of();
        }
    }
}
