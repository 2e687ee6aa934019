package dev.gptmem.cli;

import dev.gptmem.core.GptmemException;
import dev.gptmem.core.Ids;
import dev.gptmem.core.Memory;
import dev.gptmem.core.MemoryEdit;
import dev.gptmem.core.MemoryService;
import java.util.ArrayList;
import java.util.List;

final class EditCommand extends ModelledCommand implements Runnable {
    private final CliContext context;
    private String id;
    private String content;
    private String name;
    private String summary;
    private String reason;
    private List<String> tags;
    private List<String> addTags = new ArrayList<>();
    private List<String> removeTags = new ArrayList<>();
    /** Null unless --pin or --unpin is given. */
    private Pin pin;

    static final class Pin {
        boolean pin;
        boolean unpin;
    }

    EditCommand(CliContext context) {
        super("Change a memory.",
                "With field options, changes just those fields. With none, opens the memory in $VISUAL or "
                        + "$EDITOR (else vi, on a terminal only). An empty value clears a field. "
                        + "An edit that changes nothing writes nothing; emptying the content in the editor abandons"
                        + " the edit (exit 1).");
        this.context = context;
        Specs.unsorted(spec);
        Specs.examples(spec,
                "  gptmem edit 3f2a --add-tag travel --pin",
                "  gptmem edit 3f2a -s \"Metric, except for beer\" --name \"\"",
                "  pbpaste | gptmem edit 3f2a --content -",
                "  EDITOR=nano gptmem edit 3f2a");
        spec.addPositional(Specs.<String>parameter(() -> id, v -> id = v, "ID").type(String.class).required(true)
                .description("Memory id or unique prefix.").build());
        spec.addOption(Specs.text(() -> content, v -> content = v, "TEXT", "New content ('-' reads standard input).",
                "-c", "--content"));
        spec.addOption(Specs.text(() -> name, v -> name = v, "NAME", "New title.", "-n", "--name"));
        spec.addOption(Specs.text(() -> summary, v -> summary = v, "TEXT", "New one-line summary.", "-s", "--summary"));
        spec.addOption(Specs.text(() -> reason, v -> reason = v, "TEXT", "New reason.", "-r", "--reason"));
        spec.addOption(Specs.strings(() -> tags, v -> tags = v, "TAG",
                "Replace all tags with these (repeatable); -t '' removes them all.", "-t", "--tag"));
        spec.addOption(Specs.strings(() -> addTags, v -> addTags = v, "TAG", "Add a tag (repeatable).", "--add-tag"));
        spec.addOption(Specs.strings(() -> removeTags, v -> removeTags = v, "TAG", "Remove a tag (repeatable).",
                "--rm-tag"));
        addPin();
    }

    /**
     * Adds --pin and --unpin, of which at most one is given. Picocli sets a group's options only for
     * those on the command line, so the field gets its Pin only then and stays null otherwise.
     */
    private void addPin() {
        Pin bound = new Pin();
        spec.addArgGroup(Specs.oneOf(
                Specs.flag(() -> bound.pin, v -> {
                    bound.pin = v;
                    pin = bound;
                }, "Pin it.", "--pin"),
                Specs.flag(() -> bound.unpin, v -> {
                    bound.unpin = v;
                    pin = bound;
                }, "Unpin it.", "--unpin")));
    }

    /** An empty value clears a field; for the tags that is {@code -t ''}, which is no tag at all. */
    private static List<String> cleared(List<String> tags) {
        return tags != null && tags.stream().allMatch(String::isBlank) ? List.of() : tags;
    }

    @Override
    public void run() {
        String profile = context.profile();
        MemoryService memories = context.memories();
        MemoryEdit edit = new MemoryEdit("-".equals(content) ? Input.readAll(context.stdin()) : content,
                name, summary, reason, cleared(tags), addTags, removeTags, pin == null ? null : pin.pin);
        MemoryService.EditResult result;
        if (edit.isEmpty()) {
            Memory current = memories.get(profile, id);
            MemoryEdit edited = EditorText.parse(Editor.edit(context.env(), EditorText.render(current),
                    context.terminal().stdinIsTerminal()));
            if (edited.content().isBlank()) {
                // As git abandons a commit whose message was emptied: an abort, so a script sees it.
                throw GptmemException.failure("the content was emptied: edit abandoned, nothing changed"
                        + " (to delete the memory: gptmem rm " + Ids.shortId(current.id()) + ")");
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
