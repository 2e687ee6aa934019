package dev.gptmem.cli;

import dev.gptmem.core.Ids;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryEdit;
import dev.gptmem.core.MemoryService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "edit", sortOptions = false, usageHelpAutoWidth = true,
        header = "Change a memory.",
        description = "With field options, changes just those fields. With none, opens the memory in $VISUAL or "
              + "$EDITOR (else vi). An empty value clears a field. An edit that changes nothing writes nothing.",
        footerHeading = "%nExamples:%n",
        footer = {
            "  gptmem edit 3f2a --add-tag travel --pin",
            "  gptmem edit 3f2a -s \"Metric, except for beer\" --name \"\"",
            "  pbpaste | gptmem edit 3f2a --content -",
            "  EDITOR=nano gptmem edit 3f2a"
        })
final class EditCommand implements Runnable {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "Memory id or unique prefix.")
    String id;

    @Option(names = {"-c", "--content"}, paramLabel = "TEXT", description = "New content ('-' reads standard input).")
    String content;

    @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "New title.")
    String name;

    @Option(names = {"-s", "--summary"}, paramLabel = "TEXT", description = "New one-line summary.")
    String summary;

    @Option(names = {"-r", "--reason"}, paramLabel = "TEXT", description = "New reason.")
    String reason;

    @Option(names = {"-t", "--tag"}, paramLabel = "TAG", split = ",",
            description = "Replace all tags with these (repeatable).")
    List<String> tags;

    @Option(names = "--add-tag", paramLabel = "TAG", split = ",", description = "Add a tag (repeatable).")
    List<String> addTags = new ArrayList<>();

    @Option(names = "--rm-tag", paramLabel = "TAG", split = ",", description = "Remove a tag (repeatable).")
    List<String> removeTags = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Pin pin;

    static final class Pin {
        @Option(names = "--pin", description = "Pin it.")
        boolean pin;

        @Option(names = "--unpin", description = "Unpin it.")
        boolean unpin;
    }

    EditCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        String profile = context.profile();
        MemoryService memories = context.memories();
        MemoryEdit edit = new MemoryEdit("-".equals(content) ? Input.readAll(context.stdin()) : content,
                name, summary, reason, tags, addTags, removeTags, pin == null ? null : pin.pin);
        MemoryService.EditResult result;
        if (edit.isEmpty()) {
            Memory current = memories.get(profile, id);
            MemoryEdit edited = EditorText.parse(Editor.edit(context.env(), EditorText.render(current)));
            if (edited.content().isBlank()) {
                spec.commandLine().getErr().println("empty content: edit abandoned, nothing changed");
                return;
            }
            result = memories.edit(profile, current.id(), keepTrailingBreaks(edited, current), current.updatedAt());
        } else {
            result = memories.edit(profile, id, edit, null);
        }
        spec.commandLine().getErr().println((result.changed() ? "updated " : "no changes to ")
                + Ids.shortId(result.memory().id()));
    }

    /** The editor file drops the content's trailing line breaks; an untouched content keeps them. */
    private static MemoryEdit keepTrailingBreaks(MemoryEdit edit, Memory current) {
        if (!edit.content().equals(current.content().replaceFirst("\\n+$", ""))) {
            return edit;
        }
        return new MemoryEdit(current.content(), edit.name(), edit.summary(), edit.reason(), edit.tags(),
                null, null, edit.pinned());
    }
}
